package io.fleetcast.control.auth;

import io.fleetcast.control.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * Writes auth decisions to {@code auth_events} from one background thread in batches, so the
 * request path only enqueues. A batch gathers for a short while and identical decisions in it
 * become one counted row: a burst of connections (or a brute force) costs the database a few
 * rows, not one per request. If the queue is full (database far behind or down) events are
 * dropped and counted rather than slowing down MediaMTX.
 */
public final class AuthAudit implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AuthAudit.class.getName());
    private static final int BATCH = 10_000;
    private static final long GATHER_MILLIS = 100;
    private static final int CAPACITY = 65_536;

    private final Database database;
    // Lock-free for the many request threads that add; the bound is kept by a counter.
    private final BlockingQueue<AuthEvent> queue = new LinkedTransferQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Counter dropped;
    private final Thread writer;
    private volatile boolean closed;

    public AuthAudit(Database database, MeterRegistry registry) {
        this.database = database;
        this.dropped = Counter.builder("fleetcast_auth_audit_dropped").description("audit events not written")
                .register(registry);
        this.writer = Thread.ofPlatform().daemon().name("auth-audit").start(this::run);
    }

    public void record(AuthEvent event) {
        if (closed || pending.incrementAndGet() > CAPACITY) {
            pending.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.offer(event);
    }

    private void run() {
        List<AuthEvent> batch = new ArrayList<>(BATCH);
        boolean failing = false;
        while (!closed || !queue.isEmpty()) {
            try {
                AuthEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (!closed) {
                    Thread.sleep(GATHER_MILLIS);
                }
                queue.drainTo(batch, BATCH - 1);
                pending.addAndGet(-batch.size());
                write(batch);
                if (failing) {
                    LOG.log(Level.INFO, "auth audit writes recovered");
                    failing = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                dropped.increment(batch.size());
                if (!failing) {
                    LOG.log(Level.WARNING, "auth audit write failed, dropping events until it recovers: " + e.getMessage());
                    failing = true;
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** COPY is several times cheaper per row than batched INSERTs, on both sides of the wire. */
    private void write(List<AuthEvent> batch) {
        ByteBuffer rows = AuditRows.encode(AuditRow.coalesce(batch));
        database.withConnection(c -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn(AuditRows.COPY,
                        new ByteArrayInputStream(rows.array(), 0, rows.limit()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Stops taking events, writes what is queued (bounded wait) and stops the writer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
