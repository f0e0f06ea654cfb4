package io.fleetcast.control.queue;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every instance runs one: it polls the due index and advances queues whose deadline passed.
 * Two instances ticking the same robot is harmless, the script sees the deadline only once.
 */
public final class DeadlineTicker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DeadlineTicker.class.getName());

    private final PlayroomQueue queue;
    private final QueueChanges changes;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean closed = new AtomicBoolean();

    public DeadlineTicker(PlayroomQueue queue, QueueChanges changes, QueueSettings settings) {
        this.queue = queue;
        this.changes = changes;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("queue-deadlines").factory());
        long period = settings.tick().toMillis();
        timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            for (long robot : queue.due(100)) {
                QueueSnapshot snapshot = queue.tick(robot);
                if (snapshot.changed()) {
                    changes.changed(snapshot);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking queue deadlines failed; retrying next tick", e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            timer.shutdownNow();
        }
    }
}
