package io.fleetcast.bridge.gpu;

import java.util.Locale;

/**
 * {@code DECODE}: where pictures are decoded. {@code auto} decodes with NVDEC whenever the CUDA
 * device opens (also for a software encoder, where the pictures are then downloaded for the
 * CPU ladder) and in memory otherwise; {@code cuda} insists (the bridge does not start without
 * the device); {@code cpu} never tries.
 */
public enum DecodeMode {
    AUTO, CPU, CUDA;

    public static DecodeMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "cpu" -> CPU;
            case "cuda" -> CUDA;
            default -> throw new IllegalArgumentException("expected auto, cpu or cuda");
        };
    }
}
