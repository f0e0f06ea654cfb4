package io.fleetcast.media.codec;

/** One encoder the probe tried: whether a session opened and, if not, FFmpeg's explanation. */
public record ProbeAttempt(String encoder, boolean opened, String detail) {
    public ProbeAttempt {
        if (encoder == null || encoder.isBlank()) {
            throw new IllegalArgumentException("attempt needs an encoder name");
        }
        detail = detail == null ? "" : detail;
    }
}
