package io.fleetcast.media.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Reconnect delays: doubling from {@code min} up to {@code max}. */
public record Backoff(Duration min, Duration max) {
    public Backoff {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= min <= max, got " + min + ".." + max);
        }
    }

    public Duration delay(int attempt) {
        long millis = min.toMillis();
        for (int i = 0; i < Math.min(attempt, 62) && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /**
     * The delay with "equal jitter": between half and all of {@link #delay}, so many robots
     * that lost the same server do not all come back in the same millisecond.
     */
    public Duration delay(int attempt, RandomGenerator random) {
        long millis = delay(attempt).toMillis();
        return Duration.ofMillis(millis / 2 + (millis / 2 > 0 ? random.nextLong(millis / 2 + 1) : 0));
    }
}
