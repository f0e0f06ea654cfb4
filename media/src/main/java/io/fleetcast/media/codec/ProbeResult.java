package io.fleetcast.media.codec;

import java.util.List;

/** The encoder the probe chose, why, and every attempt before it. */
public record ProbeResult(String encoder, String reason, List<ProbeAttempt> attempts) {
    public ProbeResult {
        attempts = List.copyOf(attempts);
    }

    public boolean isHardware() {
        return encoder.endsWith("_nvenc");
    }
}
