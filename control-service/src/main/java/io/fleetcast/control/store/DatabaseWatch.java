package io.fleetcast.control.store;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pings PostgreSQL in the background so hot paths that answer from memory (the auth hook) can
 * still fail closed when the database is gone, without a round trip per request. A ping that
 * has not answered within {@link #SLOW} counts as down at once (a stopped PostgreSQL makes the
 * pool wait for its connection timeout), so the hook fails closed within interval + SLOW. The
 * outage is logged once, when it starts, and once when it ends.
 */
public final class DatabaseWatch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DatabaseWatch.class.getName());
    static final Duration SLOW = Duration.ofMillis(600);

    private final Database database;
    private final Duration interval;
    private final Thread thread;
    private final AtomicBoolean up;
    private volatile boolean closed;
    /** {@link System#nanoTime} when the ping in flight started; 0 while none is. */
    private volatile long pingStarted;

    public DatabaseWatch(Database database, Duration interval) {
        this.database = database;
        this.interval = interval;
        this.up = new AtomicBoolean(database.ping());
        this.thread = Thread.ofPlatform().daemon().name("database-watch").start(this::run);
    }

    public boolean up() {
        if (!up.get()) {
            return false;
        }
        long started = pingStarted;
        if (started != 0 && System.nanoTime() - started > SLOW.toNanos()) {
            markDown("no answer to a ping within " + SLOW.toMillis() + " ms");
            return false;
        }
        return true;
    }

    /** Called by code that just saw the database fail, so the next requests do not wait for a ping. */
    public void markDown(String why) {
        if (up.compareAndSet(true, false)) {
            LOG.log(Level.WARNING, "PostgreSQL unavailable (" + why + "): failing closed until it answers again");
        }
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            pingStarted = Math.max(1, System.nanoTime());
            boolean now = database.ping();
            pingStarted = 0;
            if (now) {
                reachable();
            } else {
                markDown("ping failed");
            }
        }
    }

    private void reachable() {
        if (up.compareAndSet(false, true)) {
            LOG.log(Level.INFO, "PostgreSQL reachable again");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            thread.interrupt();
        }
    }
}
