package io.fleetcast.bridge.ingest;

import java.time.Duration;

/** Reconnect delays: doubling from {@code min} up to {@code max}. */
public record Backoff(Duration min, Duration max) {
    public Backoff {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= min <= max, got " + min + ".." + max);
        }
    }

    public Duration delay(int attempt) {
        long millis = min.toMillis();
        for (int i = 0; i < attempt && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
