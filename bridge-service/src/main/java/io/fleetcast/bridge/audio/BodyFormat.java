package io.fleetcast.bridge.audio;

import java.util.Locale;
import java.util.Set;

/** What a pushed (or relayed) body carries, read from its Content-Type. */
enum BodyFormat {
    /** Raw PCM, signed 16-bit little-endian (ffmpeg's {@code -f s16le}), 48 kHz, stereo interleaved. */
    PCM_S16LE("audio/L16;rate=48000;channels=2"),
    /** AAC in ADTS frames (ffmpeg's {@code -f adts}), any rate and layout: resampled to 48 kHz stereo. */
    AAC_ADTS("audio/aac");

    static final String ACCEPTED = "audio/L16;rate=48000;channels=2 (s16le PCM) or audio/aac (AAC ADTS)";
    private static final Set<String> AAC_TYPES = Set.of("audio/aac", "audio/aacp", "audio/x-aac", "audio/adts");

    private final String contentType;

    BodyFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The content type this format is relayed with on {@code GET /stream}. */
    String contentType() {
        return contentType;
    }

    /**
     * @throws AudioRequestException 415 for a type (or PCM rate, channel count) we do not take,
     *                               400 for a bad parameter
     */
    static BodyFormat of(String header) {
        if (header == null || header.isBlank()) {
            throw new AudioRequestException(415, "Content-Type is required: " + ACCEPTED);
        }
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (AAC_TYPES.contains(type)) {
            return AAC_ADTS;
        }
        if (!type.equals("audio/l16")) {
            String shown = header.length() > 100 ? header.substring(0, 100) + "..." : header;
            throw new AudioRequestException(415, "unsupported Content-Type '" + shown + "': send " + ACCEPTED);
        }
        int rate = LiveAudio.SAMPLE_RATE;
        int channels = 2;
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            String name = pair[0].trim().toLowerCase(Locale.ROOT);
            String value = pair.length == 2 ? pair[1].trim().replace("\"", "") : "";
            if (name.equals("rate")) {
                rate = number(name, value);
            } else if (name.equals("channels")) {
                channels = number(name, value);
            }
        }
        if (rate != LiveAudio.SAMPLE_RATE) {
            throw new AudioRequestException(415, "audio/L16 is taken at rate=48000 only, got rate=" + rate
                    + " (resample it: ffmpeg ... -ar 48000), or send audio/aac at any rate");
        }
        if (channels != 2) {
            throw new AudioRequestException(415, "audio/L16 is taken as stereo (channels=2) only, got channels="
                    + channels + " (ffmpeg ... -ac 2), or send audio/aac with any layout");
        }
        return PCM_S16LE;
    }

    BodyDecoder decoder(PcmSink sink) {
        return this == PCM_S16LE ? new PcmDecoder(sink) : new AdtsDecoder(sink);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new AudioRequestException(400, "audio/L16 parameter " + name + " must be a whole number, got '"
                    + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
        }
    }
}
