package io.fleetcast.control.socket;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Times the writes one of the relay's fan-out threads makes itself. A socket whose peer stopped
 * reading blocks its writer once the kernel's buffers are full; on a fan-out thread that would
 * hold up every other socket of its robots. {@link #check} (from the sweeper) cuts off a socket whose write has been
 * stuck longer than the limit ({@link Link#cutOff}): its connection closes, the write fails and
 * the fan-out carries on.
 */
final class WriteWatch {

    private static final System.Logger LOG = System.getLogger(WriteWatch.class.getName());

    private final long limitNanos;
    private final AtomicBoolean cut = new AtomicBoolean();
    private volatile Link link;
    private volatile long since;

    WriteWatch(long limitNanos) {
        this.limitNanos = limitNanos;
    }

    void begin(Link writing) {
        since = System.nanoTime();
        cut.set(false);
        link = writing;
    }

    void end() {
        link = null;
    }

    /** Cuts off the socket being written to if that write has taken longer than the limit. */
    void check(long now) {
        Link writing = link;
        long started = since;
        // Read link before since: a newer write's start is later, so it is never cut early.
        if (writing == null || now - started < limitNanos || !cut.compareAndSet(false, true)) {
            return;
        }
        LOG.log(Level.WARNING, "socket {0} for robot {1} took no frame for {2} ms; closing it",
                writing.id(), writing.robot(), (now - started) / 1_000_000);
        writing.cutOff();
    }
}
