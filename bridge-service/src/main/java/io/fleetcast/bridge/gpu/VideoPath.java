package io.fleetcast.bridge.gpu;

import io.fleetcast.media.codec.ProbeResult;

/**
 * Where a broadcast's pictures are decoded and encoded, and why: the process's choice, shared
 * by every broadcast and shown in its status and health.
 *
 * @param decode {@link #CUDA} (NVDEC) or {@link #CPU}
 */
public record VideoPath(String decode, String decodeReason, String encoder, String encoderReason) {
    public static final String CUDA = "cuda";
    public static final String CPU = "cpu";

    public VideoPath {
        if (!decode.equals(CUDA) && !decode.equals(CPU)) {
            throw new IllegalArgumentException("decode must be cuda or cpu, got " + decode);
        }
    }

    /** Decoding in memory because nobody asked for a GPU (tools and tests that open no device). */
    public static VideoPath inMemory(String encoder, String encoderReason) {
        return new VideoPath(CPU, "no CUDA device given", encoder, encoderReason);
    }

    /** The same encoder, but pictures decoded in memory after all (NVDEC did not take the stream). */
    public VideoPath inMemoryBecause(String why) {
        return new VideoPath(CPU, why, encoder, encoderReason);
    }

    /**
     * The decision, from the setting, the probed encoder and whether CUDA device {@code index}
     * opened ({@code cudaFailure} null) or why not. {@link DecodeMode#CUDA} without the device
     * is an error; {@link DecodeMode#AUTO} then decodes in memory.
     */
    public static VideoPath plan(DecodeMode mode, ProbeResult probe, int index, String cudaFailure) {
        boolean nvenc = probe.isHardware();
        String encoder = probe.encoder();
        if (mode == DecodeMode.CPU) {
            return new VideoPath(CPU, "DECODE=cpu" + (nvenc ? "; pictures are uploaded for scale_cuda and " + encoder
                    : ""), encoder, probe.reason());
        }
        if (cudaFailure != null) {
            String why = "CUDA device " + index + " did not open: " + cudaFailure;
            if (mode == DecodeMode.CUDA) {
                throw new GpuException("DECODE=cuda, but " + why);
            }
            return new VideoPath(CPU, why, encoder, probe.reason());
        }
        String reason = nvenc
                ? "NVDEC on CUDA device " + index + "; pictures stay on the GPU for scale_cuda and " + encoder
                : "NVDEC on CUDA device " + index + "; pictures are downloaded to memory for the ladder and "
                + encoder + " (no NVENC: " + probe.reason() + ")";
        return new VideoPath(CUDA, reason, encoder, probe.reason());
    }
}
