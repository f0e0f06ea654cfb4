package io.fleetcast.media.codec;

import io.fleetcast.media.Rational;
import java.util.Map;

/**
 * What a video encoder is opened with. {@code options} go to the codec's private options
 * (preset, profile, x264-params ...); what it does not know is reported, not ignored.
 *
 * @param threads encoder threads; 0 lets the codec use every core
 */
public record VideoEncoderSettings(String codec, int width, int height, int pixelFormat,
                                   Rational timeBase, Rational frameRate, long bitRate, long maxRate,
                                   long bufferSize, int gopFrames, int threads, boolean globalHeader,
                                   Map<String, String> options) {
    public VideoEncoderSettings {
        if (codec == null || codec.isBlank()) {
            throw new IllegalArgumentException("encoder name is required");
        }
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("encoder size must be positive and even, got " + width + "x" + height);
        }
        if (bitRate <= 0 || maxRate < 0 || bufferSize < 0 || gopFrames <= 0 || threads < 0) {
            throw new IllegalArgumentException("bad rate control for " + codec + ": bitrate " + bitRate
                    + ", maxrate " + maxRate + ", bufsize " + bufferSize + ", gop " + gopFrames);
        }
        options = Map.copyOf(options);
    }

    public VideoEncoderSettings withCodec(String name, Map<String, String> codecOptions) {
        return new VideoEncoderSettings(name, width, height, pixelFormat, timeBase, frameRate, bitRate,
                maxRate, bufferSize, gopFrames, threads, globalHeader, codecOptions);
    }
}
