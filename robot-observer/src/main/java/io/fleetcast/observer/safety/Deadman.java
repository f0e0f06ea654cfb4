package io.fleetcast.observer.safety;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.observer.control.RobotCommand;
import io.fleetcast.observer.control.RobotLink;
import io.fleetcast.observer.control.RobotLinkException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sits between the control socket and the robot: passes every command on and stops a moving
 * robot whose driver has gone quiet. One thread owns the {@link DeadmanState} and talks to the
 * robot, so a deadman stop can never overtake or be overtaken by a command.
 */
public final class Deadman implements RobotLink {
    private static final System.Logger LOG = System.getLogger(Deadman.class.getName());
    private static final long SEND_TIMEOUT_MS = 5_000;

    private final RobotLink robot;
    private final Clock clock;
    private final ScheduledExecutorService loop;
    private final AtomicBoolean closed = new AtomicBoolean();

    // Owned by the loop thread.
    private DeadmanState state;
    private ScheduledFuture<?> tick;

    /** Does not take ownership of {@code robot}: whoever opened it closes it, after this. */
    public Deadman(RobotLink robot, DeadmanSettings settings) {
        this(robot, settings, new MonotonicClock());
    }

    Deadman(RobotLink robot, DeadmanSettings settings, Clock clock) {
        this.robot = robot;
        this.clock = clock;
        this.state = DeadmanState.disarmed(settings.timeout());
        this.loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "deadman");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void send(RobotCommand command) {
        try {
            loop.submit(() -> apply(state.onCommand(command, clock.millis()))).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new RobotLinkException("robot link failed on " + command.action(), e.getCause());
        } catch (TimeoutException e) {
            throw new RobotLinkException("robot link did not take " + command.action() + " within "
                    + SEND_TIMEOUT_MS + " ms", e);
        } catch (RejectedExecutionException e) {
            throw new RobotLinkException("observer is shutting down", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RobotLinkException("interrupted while sending " + command.action(), e);
        }
    }

    private void apply(DeadmanDecision decision) {
        state = decision.next();
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        if (state.armed()) {
            long delay = Math.max(1, state.stopAt() - clock.millis());
            tick = loop.schedule(this::onTick, delay, TimeUnit.MILLISECONDS);
        }
        for (RobotCommand command : decision.send()) {
            robot.send(command);
        }
    }

    private void onTick() {
        DeadmanDecision decision = state.onTick(clock.millis());
        if (!decision.send().isEmpty()) {
            LOG.log(Level.WARNING, "no move for " + state.timeoutMillis() + " ms while moving: stopping the robot");
        }
        try {
            apply(decision);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "deadman could not stop the robot", e);
        }
    }

    @Override
    public void onState(Consumer<ObjectNode> listener) {
        robot.onState(listener);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.submit(() -> apply(state.onShutdown())).get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.ERROR, "could not stop the robot while shutting down", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loop.shutdownNow();
        }
    }
}
