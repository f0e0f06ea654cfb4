package io.fleetcast.observer.control;

import java.time.Duration;

/**
 * Reconnect delays: {@code min} doubling per failure up to {@code max}, with "equal jitter"
 * (half fixed, half random) so a fleet that lost the same server does not return in step.
 */
record Backoff(Duration min, Duration max) {
    Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + ".." + max);
        }
    }

    /** @param failures consecutive failures so far (0 for the first retry); {@code jitter} in [0, 1) */
    Duration delay(int failures, double jitter) {
        long ceiling = min.toMillis() << Math.min(failures, 20);
        long capped = Math.min(ceiling, max.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * jitter));
    }
}
