package io.fleetcast.bridge.audio;

/** Finds what a test hears: the strongest frequency (Goertzel over a scan) and the level. */
final class Pitch {
    private Pitch() {
    }

    /** The frequency in [100, 2000] Hz, in 2 Hz steps, with the most power in {@code samples[from, from + count)}. */
    static double dominant(float[] samples, int from, int count) {
        double best = 0;
        double bestPower = -1;
        for (double hz = 100; hz <= 2000; hz += 2) {
            double power = power(samples, from, count, hz);
            if (power > bestPower) {
                bestPower = power;
                best = hz;
            }
        }
        return best;
    }

    static double rms(float[] samples, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / Math.max(1, count));
    }

    /** The largest change between neighbouring samples: a splice or a click makes a step a clean tone never does. */
    static double largestStep(float[] samples, int from, int count) {
        double largest = 0;
        for (int i = from + 1; i < from + count; i++) {
            largest = Math.max(largest, Math.abs(samples[i] - samples[i - 1]));
        }
        return largest;
    }

    private static double power(float[] samples, int from, int count, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / LiveAudio.SAMPLE_RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = from; i < from + count; i++) {
            double current = samples[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }
}
