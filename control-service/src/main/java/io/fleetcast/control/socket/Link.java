package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.Role;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The sending side of one socket. Any thread may {@link #send}; one virtual thread owns the
 * session's writes, so frames never interleave and a slow client never blocks a publisher.
 * A client that cannot keep up with {@code outboxCapacity} messages is closed with 1013.
 * The writer waits without a timeout: a timed wait per frame costs a timer insert and cancel
 * on every message, so idle sockets get their keep-alive ping from {@link #keepAlive} instead.
 */
final class Link implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Link.class.getName());

    private record Close(int code, String reason) {
    }

    private static final Object PING = new Object();

    private final long id;
    private final Admitted admitted;
    private final WsSession session;
    private final BlockingQueue<Object> outbox;
    private final Duration keepAlive;
    private final Consumer<Link> onDead;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean pingQueued = new AtomicBoolean();
    // Written by the writer only; read by the sweeper.
    private volatile long lastWrite = System.nanoTime();
    private final Thread writer;
    private final Thread reader = Thread.currentThread();

    Link(long id, Admitted admitted, WsSession session, SocketSettings settings,
            Consumer<Link> onDead) {
        this.id = id;
        this.admitted = admitted;
        this.session = session;
        this.outbox = new LinkedBlockingQueue<>(settings.outboxCapacity());
        this.keepAlive = settings.keepAlive();
        this.onDead = onDead;
        this.writer = Thread.ofVirtual().name("link-" + id).start(this::drain);
    }

    long id() {
        return id;
    }

    long robot() {
        return admitted.robot().id();
    }

    Role role() {
        return admitted.role();
    }

    Long user() {
        return admitted.user();
    }

    Admitted admitted() {
        return admitted;
    }

    /**
     * Helidon reads each connection on its own thread and gives the listener no callback when
     * the peer vanishes without a close frame; that thread ending is the reliable signal.
     */
    boolean readerAlive() {
        return reader.isAlive();
    }

    void send(String text) {
        if (!closing.get() && !outbox.offer(text)) {
            LOG.log(Level.WARNING, "socket {0} too slow for robot {1}; closing", id, robot());
            close(1013, "too slow");
        }
    }

    /**
     * Queues a ping when nothing was written for the keep-alive interval: also how we notice a
     * peer that vanished without a close frame. Called periodically by the hub's sweeper.
     */
    void keepAlive(long now) {
        if (!closing.get() && now - lastWrite >= keepAlive.toNanos()
                && pingQueued.compareAndSet(false, true) && !outbox.offer(PING)) {
            pingQueued.set(false);
        }
    }

    /** Sends a close frame after whatever is already queued. */
    void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            if (!outbox.offer(new Close(code, reason))) {
                outbox.clear();
                outbox.offer(new Close(code, reason));
            }
        }
    }

    private void drain() {
        try {
            while (true) {
                Object next = outbox.take();
                if (next == PING) {
                    pingQueued.set(false);
                    session.ping(BufferData.empty());
                } else if (next instanceof Close close) {
                    session.close(close.code(), close.reason());
                    return;
                } else {
                    session.send((String) next, true);
                }
                lastWrite = System.nanoTime();
            }
        } catch (InterruptedException e) {
            // close() asked the writer to stop; the flag is not restored because onDead below
            // still talks to Redis on this thread, and an interrupted thread cannot do I/O.
            LOG.log(Level.TRACE, "socket {0} writer stopped", id);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "socket " + id + " write failed", e);
        } finally {
            onDead.accept(this);
        }
    }

    /** Stops the writer without a close frame (the connection is already gone). */
    @Override
    public void close() {
        closing.set(true);
        if (Thread.currentThread() != writer) {
            writer.interrupt();
        }
    }
}
