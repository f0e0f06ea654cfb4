package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.Role;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The sending side of one socket. Frames wait in one outbox, in order, and whoever holds the
 * write turn ({@link #writing}) sends them, so frames never interleave. The relay's fan-out
 * threads take the turn themselves ({@link #sendNow}): a state reaches a viewer without waking a
 * thread per frame per socket. Every other sender queues and wakes the socket's own virtual
 * thread, which also takes over whatever a fan-out thread could not finish and runs the end.
 * A client that cannot keep up with {@code outboxCapacity} frames is closed with 1013; one
 * that stops reading altogether is cut off by {@link WriteWatch}.
 */
final class Link implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Link.class.getName());

    private record Close(int code, String reason) {
    }

    private static final Object PING = new Object();

    private final long id;
    private final Admitted admitted;
    private final WsSession session;
    private final Queue<Object> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final Duration keepAlive;
    private final Consumer<Link> onDead;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean pingQueued = new AtomicBoolean();
    // Set once the session said its last frame or a write failed: the writer then ends.
    private volatile boolean done;
    // Written by the write turn's holder only; read by the sweeper.
    private volatile long lastWrite = System.nanoTime();
    private final Thread writer;
    private final Thread reader = Thread.currentThread();

    Link(long id, Admitted admitted, WsSession session, SocketSettings settings,
            Consumer<Link> onDead) {
        this.id = id;
        this.admitted = admitted;
        this.session = session;
        this.capacity = settings.outboxCapacity();
        this.keepAlive = settings.keepAlive();
        this.onDead = onDead;
        this.writer = Thread.ofVirtual().name("link-" + id).start(this::run);
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

    /** Queues a frame for the socket's writer; never blocks the caller. */
    void send(String text) {
        if (queue(text)) {
            LockSupport.unpark(writer);
        }
    }

    /**
     * Writes the frame from the calling thread when nobody else is writing to this socket, else
     * leaves it to the one who is. For the fan-out threads, whose writes {@code watch} times.
     */
    void sendNow(String text, WriteWatch watch) {
        if (closing.get() || done) {
            return;
        }
        if (!writing.compareAndSet(false, true)) {
            // The socket's writer holds the turn; it may have looked at the outbox already.
            send(text);
            return;
        }
        watch.begin(this);
        try {
            // Nothing waiting (the usual case): the frame goes straight out, never queued.
            if (outbox.isEmpty()) {
                write(text);
            } else if (queue(text)) {
                drain();
            }
        } finally {
            watch.end();
            writing.set(false);
        }
        if (!outbox.isEmpty() || done) {
            LockSupport.unpark(writer);
        }
    }

    private boolean queue(String text) {
        if (closing.get()) {
            return false;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            LOG.log(Level.WARNING, "socket {0} too slow for robot {1}; closing", id, robot());
            close(1013, "too slow");
            return false;
        }
        outbox.add(text);
        return true;
    }

    /**
     * Queues a ping when nothing was written for the keep-alive interval: also how we notice a
     * peer that vanished without a close frame. Called periodically by the hub's sweeper.
     */
    void keepAlive(long now) {
        if (!closing.get() && now - lastWrite >= keepAlive.toNanos()
                && pingQueued.compareAndSet(false, true)) {
            outbox.add(PING);
            LockSupport.unpark(writer);
        }
    }

    /** Sends a close frame after whatever is already queued (dropping it all when full). */
    void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            if (queued.get() >= capacity) {
                outbox.clear();
                queued.set(0);
            }
            outbox.add(new Close(code, reason));
            LockSupport.unpark(writer);
        }
    }

    /** The socket's own thread: writes what others left, then ends the link. */
    private void run() {
        try {
            while (!done && !Thread.currentThread().isInterrupted()) {
                if (!outbox.isEmpty() && writing.compareAndSet(false, true)) {
                    try {
                        drain();
                    } finally {
                        writing.set(false);
                    }
                    // A frame queued while we held the turn went unwritten by its sender.
                    continue;
                }
                LockSupport.park(this);
            }
        } finally {
            // close() interrupted us; the flag is not restored because onDead still talks to
            // Redis on this thread, and an interrupted thread cannot do I/O.
            Thread.interrupted();
            onDead.accept(this);
        }
    }

    /** Writes one frame; only the holder of the write turn calls it. */
    private void write(String text) {
        try {
            session.send(text, true);
            lastWrite = System.nanoTime();
        } catch (RuntimeException e) {
            done = true;
            LOG.log(Level.DEBUG, "socket " + id + " write failed", e);
        }
    }

    /** Writes everything queued; only the holder of the write turn calls it. */
    private void drain() {
        try {
            for (Object next; !done && (next = outbox.poll()) != null; ) {
                if (next == PING) {
                    pingQueued.set(false);
                    session.ping(BufferData.empty());
                } else if (next instanceof Close close) {
                    done = true;
                    session.close(close.code(), close.reason());
                } else {
                    queued.decrementAndGet();
                    session.send((String) next, true);
                }
                lastWrite = System.nanoTime();
            }
        } catch (RuntimeException e) {
            done = true;
            LOG.log(Level.DEBUG, "socket " + id + " write failed", e);
        }
    }

    /**
     * Ends a connection whose peer stopped reading, from any thread: interrupting the virtual
     * thread that reads it (Helidon's connection thread) closes its socket, which also fails a
     * write blocked on it. The link then ends as after any lost connection. Should the reader
     * be talking to Redis just then, that connection closes instead (the pool replaces it) and
     * the interrupt, if nothing cleared it, closes this socket at its next read.
     */
    void cutOff() {
        closing.set(true);
        reader.interrupt();
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
