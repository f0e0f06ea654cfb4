package io.fleetcast.control.auth;

import io.fleetcast.control.store.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.System.Logger.Level;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes auth decisions to {@code auth_events} from one background thread in batches, so the
 * request path only enqueues. If the queue is full (database far behind or down) events are
 * dropped and counted rather than slowing down MediaMTX.
 */
public final class AuthAudit implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AuthAudit.class.getName());
    private static final String INSERT = "INSERT INTO auth_events "
            + "(at, robot_id, user_id, path, action, protocol, ip, allowed, status, reason) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 1_000;

    private final Database database;
    private final BlockingQueue<AuthEvent> queue = new ArrayBlockingQueue<>(65_536);
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
        if (closed || !queue.offer(event)) {
            dropped.increment();
        }
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
                queue.drainTo(batch, BATCH - 1);
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

    private void write(List<AuthEvent> batch) {
        database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(INSERT)) {
                for (AuthEvent e : batch) {
                    st.setTimestamp(1, Timestamp.from(e.at()));
                    setId(st, 2, e.robotId());
                    setId(st, 3, e.userId());
                    st.setString(4, Texts.clip(e.path()));
                    st.setString(5, e.action());
                    st.setString(6, e.protocol());
                    st.setString(7, Texts.clip(e.ip()));
                    st.setBoolean(8, e.allowed());
                    st.setInt(9, e.status());
                    st.setString(10, e.reason());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    private static void setId(PreparedStatement st, int index, long id) throws java.sql.SQLException {
        if (id > 0) {
            st.setLong(index, id);
        } else {
            st.setNull(index, Types.BIGINT);
        }
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
