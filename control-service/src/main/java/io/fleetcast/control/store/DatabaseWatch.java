package io.fleetcast.control.store;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Pings PostgreSQL in the background so hot paths that answer from memory (the auth hook) can
 * still fail closed when the database is gone, without a round trip per request.
 */
public final class DatabaseWatch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DatabaseWatch.class.getName());

    private final Database database;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean up;
    private volatile boolean closed;

    public DatabaseWatch(Database database, Duration interval) {
        this.database = database;
        this.interval = interval;
        this.up = database.ping();
        this.thread = Thread.ofPlatform().daemon().name("database-watch").start(this::run);
    }

    public boolean up() {
        return up;
    }

    /** Called by code that just saw the database fail, so the next requests do not wait for a ping. */
    public void markDown(String why) {
        if (up) {
            up = false;
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
            boolean now = database.ping();
            if (now && !up) {
                LOG.log(Level.INFO, "PostgreSQL reachable again");
            } else if (!now && up) {
                LOG.log(Level.WARNING, "PostgreSQL unavailable: failing closed until it answers again");
            }
            up = now;
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
