package io.fleetcast.bridge.audio;

import java.time.Duration;

/**
 * Ends a producer's request when its socket stays silent: a producer that hung, or whose
 * network went away without a reset, would otherwise hold the one producer slot until TCP
 * gives up. It interrupts the reading thread, which (a virtual thread, as Helidon's handlers
 * are) closes the socket and makes the blocked read fail. One watch per request; its own
 * virtual thread checks every tenth of the limit.
 */
final class SilenceWatch implements AutoCloseable {
    private final long limitNanos;
    private final Thread reader;
    private final Thread watcher;
    private volatile long lastHeard = System.nanoTime();
    private volatile boolean fired;
    private volatile boolean closed;

    SilenceWatch(Duration limit, Thread reader) {
        this.limitNanos = limit.toNanos();
        this.reader = reader;
        Duration period = limit.dividedBy(10);
        this.watcher = Thread.ofVirtual().name("audio-silence-watch").start(() -> watch(period));
    }

    /** Bytes arrived. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /** True when the watch ended the request (the reader's failure is its doing). */
    boolean fired() {
        return fired;
    }

    private void watch(Duration period) {
        try {
            while (!closed) {
                Thread.sleep(period);
                if (!closed && System.nanoTime() - lastHeard > limitNanos) {
                    fired = true;
                    reader.interrupt();
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close() woke it.
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
        if (fired) {
            // The reader's own interrupt flag must not outlive this request.
            Thread.interrupted();
        }
    }
}
