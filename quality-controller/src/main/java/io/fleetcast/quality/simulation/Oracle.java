package io.fleetcast.quality.simulation;

import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.trace.Trace;

/**
 * The best mean bitrate a sender could deliver with hindsight: each second it sends exactly
 * what the link carries that second, up to the top of the ladder. Sending in one-second
 * windows keeps every byte within the 1 s lateness bound, so this oracle is never late.
 */
public final class Oracle {

    public static final long WINDOW_MS = 1000;

    private Oracle() {
    }

    public static double meanBps(Trace trace, long durationMs) {
        return meanBps(trace, durationMs, QualityState.HIGH.nominalBps(), WINDOW_MS);
    }

    public static double meanBps(Trace trace, long durationMs, double maxBps, long windowMs) {
        double bits = 0;
        for (long from = 0; from < durationMs; from += windowMs) {
            long to = Math.min(durationMs, from + windowMs);
            double seconds = (to - from) / 1000.0;
            double capacityBps = trace.capacityBits(from, to) / seconds;
            bits += Math.min(capacityBps, maxBps) * seconds;
        }
        return bits * 1000.0 / durationMs;
    }
}
