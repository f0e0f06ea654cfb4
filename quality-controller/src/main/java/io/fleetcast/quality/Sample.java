package io.fleetcast.quality;

/**
 * One measurement of the uplink. Time travels with the sample, so a controller fed the
 * same samples makes the same decisions.
 *
 * @param timeMs           when the measurement was taken, milliseconds on a monotonic clock
 * @param ackedBytesPerSec bytes the receiver acknowledged per second since the previous sample
 * @param queueBytes       bytes written by the encoder and not yet acknowledged
 * @param rttMs            smoothed round-trip time; 0 when unknown
 * @param lossRate         fraction of packets lost since the previous sample, 0..1
 */
public record Sample(long timeMs, double ackedBytesPerSec, long queueBytes, double rttMs, double lossRate) {

    public Sample {
        if (timeMs < 0) {
            throw new IllegalArgumentException("timeMs must be >= 0, got " + timeMs);
        }
        if (!(ackedBytesPerSec >= 0) || Double.isInfinite(ackedBytesPerSec)) {
            throw new IllegalArgumentException("ackedBytesPerSec must be finite and >= 0, got " + ackedBytesPerSec);
        }
        if (queueBytes < 0) {
            throw new IllegalArgumentException("queueBytes must be >= 0, got " + queueBytes);
        }
        if (!(rttMs >= 0) || Double.isInfinite(rttMs)) {
            throw new IllegalArgumentException("rttMs must be finite and >= 0, got " + rttMs);
        }
        if (!(lossRate >= 0 && lossRate <= 1)) {
            throw new IllegalArgumentException("lossRate must be within 0..1, got " + lossRate);
        }
    }

    /** Acknowledged throughput in bits per second. */
    public double ackedBps() {
        return ackedBytesPerSec * 8;
    }
}
