package io.fleetcast.bridge.broadcast;

import io.fleetcast.bridge.encoder.EncoderOptions;
import io.fleetcast.bridge.ladder.Ladder;

/**
 * What every run of a pipeline is built with.
 *
 * @param encoder the probed H.264 encoder
 * @param encoderThreads threads per rung encoder (0 = share the cores among the rungs)
 * @param cudaDevice CUDA device that pictures from memory are uploaded to for scale_cuda when the
 *                   encoder is NVENC (the decoders' device comes with the pipeline)
 * @param sourceSound whether the source's sound is used (false: silence throughout)
 */
public record RunSettings(Ladder ladder, String encoder, EncoderOptions encoderOptions, int encoderThreads,
                          double gopSeconds, long audioBitRate, int cudaDevice, boolean sourceSound) {
    public RunSettings {
        if (gopSeconds <= 0) {
            throw new IllegalArgumentException("GOP must be positive, got " + gopSeconds);
        }
    }

    public boolean gpu() {
        return encoder.endsWith("_nvenc");
    }

    /**
     * x264 given 0 threads starts 1.5 threads per core for each encoder; with one encoder
     * per rung that oversubscribes the machine and the extra frame threads cost CPU
     * without adding speed, so the cores are shared among the rungs instead.
     */
    public int threadsPerRung(int rungs, int cores) {
        if (encoderThreads > 0) {
            return encoderThreads;
        }
        return Math.max(2, (int) Math.ceil(cores * 1.5 / Math.max(1, rungs)));
    }
}
