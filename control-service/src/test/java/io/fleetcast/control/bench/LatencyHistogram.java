package io.fleetcast.control.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in 10 µs buckets up to 2 s (the last bucket holds everything slower). */
final class LatencyHistogram {

    private static final long BUCKET_NANOS = 10_000;
    private final AtomicLongArray buckets = new AtomicLongArray(200_001);

    void record(long nanos) {
        int bucket = (int) Math.min(buckets.length() - 1, Math.max(0, nanos / BUCKET_NANOS));
        buckets.incrementAndGet(bucket);
    }

    long count() {
        long total = 0;
        for (int i = 0; i < buckets.length(); i++) {
            total += buckets.get(i);
        }
        return total;
    }

    /** The latency in milliseconds below which {@code quantile} of the samples fall. */
    double percentileMs(double quantile) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return Double.NaN;
    }

    void reset() {
        for (int i = 0; i < buckets.length(); i++) {
            buckets.set(i, 0);
        }
    }
}
