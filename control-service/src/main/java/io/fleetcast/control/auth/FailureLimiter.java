package io.fleetcast.control.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed auth attempts per client address in fixed windows; an address that reaches the
 * limit is refused (429) until its window ends. Each address has its own counter, so a brute
 * force from one address never affects another.
 *
 * <p>Kept in memory rather than in Redis: the check runs on every MediaMTX connection and a Redis
 * round trip would be most of its cost, and auth must not depend on Redis being up. The price is
 * that with N instances an attacker gets up to N times the budget; 256-bit keys and signed
 * tokens make that budget worthless anyway, and the limit exists to shed load and to stop the
 * audit table filling with noise.
 */
public final class FailureLimiter {
    private static final int MAX_TRACKED = 100_000;

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FailureLimiter(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    FailureLimiter(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1) {
            throw new IllegalArgumentException("failure limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    public boolean blocked(String ip) {
        Window window = windows.get(ip);
        return window != null && window.count() >= limit && !window.expired(nanoClock.getAsLong(), windowNanos);
    }

    /** Records a failure; true when this failure is the one that reaches the limit. */
    public boolean recordFailure(String ip) {
        long now = nanoClock.getAsLong();
        if (windows.size() >= MAX_TRACKED && !windows.containsKey(ip)) {
            windows.values().removeIf(w -> w.expired(now, windowNanos));
            if (windows.size() >= MAX_TRACKED) {
                return false;
            }
        }
        Window updated = windows.compute(ip, (key, window) ->
                window == null || window.expired(now, windowNanos) ? new Window(now, 1) : window.plusOne());
        return updated.count() == limit;
    }

    private record Window(long startNanos, int count) {
        boolean expired(long now, long length) {
            return now - startNanos >= length;
        }

        Window plusOne() {
            return new Window(startNanos, count == Integer.MAX_VALUE ? count : count + 1);
        }
    }
}
