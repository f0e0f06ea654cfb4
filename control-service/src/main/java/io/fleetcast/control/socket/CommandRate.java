package io.fleetcast.control.socket;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per user: {@code rate} commands per second with bursts up to {@code burst}. */
final class CommandRate {

    private record Bucket(double tokens, long stampNanos, boolean granted) {
    }

    private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perNano;
    private final int burst;
    private final LongSupplier nanos;

    CommandRate(int rate, int burst, LongSupplier nanos) {
        this.perNano = rate / 1e9;
        this.burst = burst;
        this.nanos = nanos;
    }

    boolean allow(long user) {
        long now = nanos.getAsLong();
        return buckets.compute(user, (key, bucket) -> {
            double tokens = bucket == null ? burst
                    : Math.min(burst, bucket.tokens() + (now - bucket.stampNanos()) * perNano);
            return tokens >= 1 ? new Bucket(tokens - 1, now, true) : new Bucket(tokens, now, false);
        }).granted();
    }
}
