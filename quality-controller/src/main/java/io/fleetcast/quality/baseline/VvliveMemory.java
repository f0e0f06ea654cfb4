package io.fleetcast.quality.baseline;

import io.fleetcast.quality.Decision;

/**
 * VVLIVE's state-machine context plus the one-second window it evaluates over.
 * {@link #NEVER} marks a condition not being timed.
 */
record VvliveMemory(Decision decision, VvliveState state, VvliveState previous, long enteredAtMs,
                    String downCondition, long downSinceMs, long upSinceMs,
                    long lastTimeMs, long windowStartMs, double windowBits, double windowMinRtt,
                    double windowMaxRtt, double windowLoss, int windowSamples) {

    static final long NEVER = Long.MIN_VALUE;

    VvliveMemory withWindow(long lastTimeMs, long windowStartMs, double bits, double minRtt, double maxRtt,
                            double loss, int samples) {
        return new VvliveMemory(decision, state, previous, enteredAtMs, downCondition, downSinceMs, upSinceMs,
                lastTimeMs, windowStartMs, bits, minRtt, maxRtt, loss, samples);
    }
}
