package io.fleetcast.control.token;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Each user's {@link Standing} held in memory, so checking a token costs no round trip. A
 * change (log-out, password change, disable, enable) drops the user's entry on the instance
 * that made it and, through {@link AccountEvents}, on every other one; the TTL only bounds the
 * damage of a lost message. A miss while PostgreSQL is down throws
 * {@link io.fleetcast.control.store.StoreUnavailableException}: callers fail closed.
 */
public final class StandingCache implements TokenCheck {
    private static final int MAX_ENTRIES = 100_000;

    private final LongFunction<Optional<Standing>> loader;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Map<Long, Entry> users = new ConcurrentHashMap<>();
    // Bumped by every invalidation; a load that raced with one is not kept.
    private final AtomicLong generation = new AtomicLong();

    public StandingCache(LongFunction<Optional<Standing>> loader, Duration ttl) {
        this(loader, ttl, System::nanoTime);
    }

    StandingCache(LongFunction<Optional<Standing>> loader, Duration ttl, LongSupplier nanoClock) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public boolean stillValid(VerifiedToken token) {
        Optional<Standing> standing = standing(token.userId());
        if (standing.isPresent() && token.version() > standing.get().version()) {
            // Signed by us with a newer version than we hold: issued after a password change
            // whose message has not reached this instance yet. Our entry is stale; reload it.
            invalidate(token.userId());
            standing = standing(token.userId());
        }
        return standing.map(s -> s.accepts(token)).orElse(false);
    }

    /** The user's standing, or empty when no such user exists (then no token of theirs counts). */
    public Optional<Standing> standing(long userId) {
        long now = nanoClock.getAsLong();
        Entry cached = users.get(userId);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.value();
        }
        long seen = generation.get();
        Optional<Standing> loaded = loader.apply(userId);
        if (users.size() >= MAX_ENTRIES) {
            users.clear();
        }
        Entry entry = new Entry(loaded, now);
        users.put(userId, entry);
        if (generation.get() != seen) {
            users.remove(userId, entry);
        }
        return loaded;
    }

    public void invalidate(long userId) {
        generation.incrementAndGet();
        users.remove(userId);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        users.clear();
    }

    private record Entry(Optional<Standing> value, long loadedAt) {
    }
}
