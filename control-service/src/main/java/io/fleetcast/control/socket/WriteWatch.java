package io.fleetcast.control.socket;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times the writes the relay's fan-out thread makes itself. A socket whose peer stopped reading
 * blocks its writer once the kernel's buffers are full; on the fan-out thread that would hold up
 * every other socket. {@link #check} (from the sweeper) interrupts a write that has been stuck
 * longer than the limit: the fan-out thread is virtual, and interrupting a virtual thread
 * blocked on a socket closes that socket, so the write fails and the fan-out carries on. If the
 * write finished in the meantime the socket is closed with 1013 instead.
 */
final class WriteWatch {

    private static final System.Logger LOG = System.getLogger(WriteWatch.class.getName());
    private static final int IDLE = 0;
    private static final int WRITING = 1;
    private static final int STOPPING = 2;
    private static final int STOPPED = 3;

    private final long limitNanos;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile Thread thread;
    private volatile Link link;
    private volatile long since;

    WriteWatch(long limitNanos) {
        this.limitNanos = limitNanos;
    }

    void begin(Link writing) {
        thread = Thread.currentThread();
        link = writing;
        since = System.nanoTime();
        state.set(WRITING);
    }

    void end() {
        if (state.compareAndSet(WRITING, IDLE)) {
            return;
        }
        // check() chose to interrupt us: wait for the interrupt to land, then clear it, so it
        // cannot hit the next (Redis) read of this thread.
        while (state.get() != STOPPED) {
            Thread.onSpinWait();
        }
        Thread.interrupted();
        link.close(1013, "too slow");
        state.set(IDLE);
    }

    /** Interrupts a write that has been blocked for longer than the limit; true if it did. */
    boolean check(long now) {
        if (state.get() != WRITING || now - since < limitNanos
                || !state.compareAndSet(WRITING, STOPPING)) {
            return false;
        }
        Link stuck = link;
        LOG.log(Level.WARNING, "socket {0} for robot {1} took no frame for {2} ms; closing it",
                stuck.id(), stuck.robot(), (now - since) / 1_000_000);
        thread.interrupt();
        state.set(STOPPED);
        return true;
    }
}
