package io.fleetcast.media.codec;

import java.util.Map;

/** What an audio encoder is opened with; {@code sampleFormat} is an AVSampleFormat value. */
public record AudioEncoderSettings(String codec, int sampleRate, int channels, int sampleFormat,
                                   long bitRate, boolean globalHeader, Map<String, String> options) {
    public AudioEncoderSettings {
        if (codec == null || codec.isBlank()) {
            throw new IllegalArgumentException("encoder name is required");
        }
        if (sampleRate <= 0 || channels <= 0 || bitRate <= 0) {
            throw new IllegalArgumentException("bad audio settings for " + codec + ": " + sampleRate
                    + " Hz, " + channels + " channels, " + bitRate + " bit/s");
        }
        options = Map.copyOf(options);
    }
}
