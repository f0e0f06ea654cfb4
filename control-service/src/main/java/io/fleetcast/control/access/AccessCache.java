package io.fleetcast.control.access;

import io.fleetcast.control.store.Database;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Robot access facts (owner, kind, key hash, grants) cached in memory so the MediaMTX auth hook
 * needs no database round trip per connection. Changes invalidate entries at once (locally and,
 * through {@link AccessInvalidation}, on every instance); the TTL only bounds the damage of a
 * lost cross-instance message. Unknown robots are cached too, so probing unknown paths costs
 * no queries. A miss while PostgreSQL is down throws
 * {@link io.fleetcast.control.store.StoreUnavailableException}: callers fail closed.
 */
public final class AccessCache {
    private static final int MAX_ENTRIES = 100_000;

    private final AccessLoader loader;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Map<Long, Entry> robots = new ConcurrentHashMap<>();
    private final AtomicReference<Entry> playroom = new AtomicReference<>();
    // Bumped by every invalidation; a load that raced with one is not kept.
    private final AtomicLong generation = new AtomicLong();

    public AccessCache(Database database, Duration ttl) {
        this(database, ttl, System::nanoTime);
    }

    AccessCache(Database database, Duration ttl, LongSupplier nanoClock) {
        this.loader = new AccessLoader(database);
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The robot with this id, or empty when none exists. */
    public Optional<RobotAccess> robot(long robotId) {
        Entry cached = robots.get(robotId);
        long now = nanoClock.getAsLong();
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.value();
        }
        long seen = generation.get();
        Optional<RobotAccess> loaded = loader.robot(robotId);
        if (robots.size() >= MAX_ENTRIES) {
            robots.clear();
        }
        Entry entry = new Entry(loaded, now);
        robots.put(robotId, entry);
        if (generation.get() != seen) {
            robots.remove(robotId, entry);
        }
        return loaded;
    }

    /** The robot flagged playroom, or empty when there is none. */
    public Optional<RobotAccess> playroom() {
        Entry cached = playroom.get();
        long now = nanoClock.getAsLong();
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.value();
        }
        long seen = generation.get();
        Optional<RobotAccess> loaded = loader.playroom();
        Entry entry = new Entry(loaded, now);
        playroom.set(entry);
        if (generation.get() != seen) {
            playroom.compareAndSet(entry, null);
        }
        return loaded;
    }

    /** Drops what is known about one robot (and the playroom lookup, which may be that robot). */
    public void invalidate(long robotId) {
        generation.incrementAndGet();
        robots.remove(robotId);
        playroom.set(null);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        robots.clear();
        playroom.set(null);
    }

    private record Entry(Optional<RobotAccess> value, long loadedAt) {
    }
}
