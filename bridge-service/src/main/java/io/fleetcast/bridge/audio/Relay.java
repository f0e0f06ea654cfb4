package io.fleetcast.bridge.audio;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans the bytes of the current producer out to any number of listeners ({@code GET /stream}).
 * A listener's stream is one producer's session: it starts with the session's content type
 * and ends when the producer stops (a listener that came while nobody pushed waits for the
 * next producer). Each listener has its own queue of at most {@code maxQueuedBytes}; one whose
 * queue is full is dropped, so a slow listener never slows the producer or the others.
 * Sessions begin and end under the lock; sending does not take it.
 */
final class Relay implements AutoCloseable {
    /** What a listener receives, in this order: Start, Chunk..., End. */
    sealed interface Item permits Start, Chunk, End {
    }

    record Start(String contentType) implements Item {
    }

    record Chunk(byte[] bytes) implements Item {
    }

    record End(String reason) implements Item {
    }

    private final long maxQueuedBytes;
    private final Object lock = new Object();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Session current;
    private boolean closed;

    Relay(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Starts a producer's session; its units reach every listener there is now or joins later. */
    Session begin(String contentType) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("relay closed");
            }
            if (current != null) {
                throw new IllegalStateException("a producer session is already running");
            }
            current = new Session(contentType);
            for (Listener listener : listeners) {
                listener.queue.add(new Start(contentType));
            }
            return current;
        }
    }

    /** A new listener; close it when its response is done. */
    Listener listen() {
        synchronized (lock) {
            Listener listener = new Listener();
            if (closed) {
                listener.queue.add(new End("endpoint closing"));
                return listener;
            }
            if (current != null) {
                listener.queue.add(new Start(current.contentType));
            }
            listeners.add(listener);
            return listener;
        }
    }

    int listeners() {
        return listeners.size();
    }

    boolean producing() {
        synchronized (lock) {
            return current != null;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                endAll("endpoint closing", true);
            }
        }
    }

    private void endAll(String reason, boolean discard) {
        for (Listener listener : listeners) {
            listener.end(reason, discard);
        }
        listeners.clear();
    }

    /** One producer's bytes. */
    final class Session implements AutoCloseable {
        private final String contentType;
        private boolean ended;

        private Session(String contentType) {
            this.contentType = contentType;
        }

        /** Queues {@code unit} for every listener; drops those that cannot keep up. */
        void send(byte[] unit) {
            for (Listener listener : listeners) {
                if (!listener.offer(unit)) {
                    listeners.remove(listener);
                    listener.end("too slow: more than " + maxQueuedBytes + " bytes waiting", true);
                }
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (!ended) {
                    ended = true;
                    if (current == this) {
                        current = null;
                        endAll("producer stopped", false);
                    }
                }
            }
        }
    }

    /** One {@code GET /stream} response's queue. */
    final class Listener implements AutoCloseable {
        private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        private final AtomicLong queuedBytes = new AtomicLong();

        /** The next item, or null when none came within {@code timeout}. */
        Item next(Duration timeout) throws InterruptedException {
            Item item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (item instanceof Chunk chunk) {
                queuedBytes.addAndGet(-chunk.bytes().length);
            }
            return item;
        }

        /** True when nothing is waiting (time to flush what was written). */
        boolean idle() {
            return queue.isEmpty();
        }

        private boolean offer(byte[] unit) {
            if (queuedBytes.addAndGet(unit.length) > maxQueuedBytes) {
                return false;
            }
            queue.add(new Chunk(unit));
            return true;
        }

        /** @param discard drop what is still queued (a slow listener, closing) instead of delivering it first */
        private void end(String reason, boolean discard) {
            if (discard) {
                queue.clear();
                queuedBytes.set(0);
            }
            queue.add(new End(reason));
        }

        @Override
        public void close() {
            listeners.remove(this);
        }
    }
}
