package io.fleetcast.control.recording;

import io.fleetcast.control.store.Redis;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@code RECORDINGS_RETENTION_DAYS}: once a day, segments older than that are deleted from
 * storage and the index. Every instance tries every hour; a Redis key taken with NX for 23 h
 * lets one of them do it per day, and a dead instance's day passes to another.
 */
public final class Retention implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Retention.class.getName());
    static final String LOCK = "fc:recordings:retention";
    private static final Duration LOCK_FOR = Duration.ofHours(23);

    private final Archive archive;
    private final Duration keep;
    private final Redis redis;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("recordings-retention").factory());
    private final AtomicBoolean closed = new AtomicBoolean();

    public Retention(Archive archive, Duration keep, Redis redis, Clock clock) {
        this.archive = archive;
        this.keep = keep;
        this.redis = redis;
        this.clock = clock;
    }

    /** Starts the hourly attempts (the first a minute after start); nothing when retention is 0. */
    public Retention start() {
        if (!keep.isZero()) {
            timer.scheduleWithFixedDelay(this::attempt, 1, 60, TimeUnit.MINUTES);
        }
        return this;
    }

    /** One attempt: -1 when another instance did today's run (or retention is off), else how many were deleted. */
    public long runOnce() {
        if (keep.isZero() || !takeToday()) {
            return -1;
        }
        Instant cutoff = clock.instant().minus(keep);
        long deleted = archive.deleteStartedBefore(cutoff);
        LOG.log(Level.INFO, "recordings retention: deleted {0} segments that started before {1}", deleted, cutoff);
        return deleted;
    }

    private boolean takeToday() {
        try (Jedis jedis = redis.connection()) {
            return "OK".equals(jedis.set(LOCK, clock.instant().toString(),
                    SetParams.setParams().nx().ex(LOCK_FOR.toSeconds())));
        }
    }

    private void release() {
        try (Jedis jedis = redis.connection()) {
            jedis.del(LOCK);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "releasing the retention lock failed; it expires by itself", e);
        }
    }

    private void attempt() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recordings retention failed; retrying within the hour", e);
            release();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            timer.shutdownNow();
        }
    }
}
