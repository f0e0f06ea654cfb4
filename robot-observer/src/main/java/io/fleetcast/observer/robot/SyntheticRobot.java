package io.fleetcast.observer.robot;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.observer.control.RobotCommand;
import io.fleetcast.observer.control.RobotLink;
import io.fleetcast.observer.control.RobotLinkException;
import io.fleetcast.observer.scene.Pose;
import io.fleetcast.observer.scene.SceneSubject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A robot for demos and tests: {@code move} sets the velocities ({@code linear} m/s,
 * {@code angular} rad/s), {@code stop} zeroes them, and the pose follows over time (see
 * {@link Motion} for the arena). It reports its state every {@code statePeriod} and is what the
 * synthetic scene draws. Any other action is refused, so drivers see a negative ack.
 */
public final class SyntheticRobot implements RobotLink, SceneSubject {
    private static final System.Logger LOG = System.getLogger(SyntheticRobot.class.getName());

    private final Clock clock;
    private final AtomicReference<Motion> motion;
    private final ScheduledExecutorService reporter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Consumer<ObjectNode> listener = state -> { };

    public SyntheticRobot(Duration statePeriod) {
        this(statePeriod, Clock.systemUTC());
    }

    public SyntheticRobot(Duration statePeriod, Clock clock) {
        this.clock = clock;
        this.motion = new AtomicReference<>(Motion.still(clock.millis()));
        this.reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "synthetic-robot");
            thread.setDaemon(true);
            return thread;
        });
        long period = statePeriod.toMillis();
        reporter.scheduleAtFixedRate(this::report, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void send(RobotCommand command) {
        long now = clock.millis();
        switch (command.action()) {
            case "move" -> {
                double linear = number(command, "linear");
                double angular = number(command, "angular");
                String text = String.format(Locale.ROOT, "move %.2f %.2f", linear, angular);
                motion.updateAndGet(m -> m.advance(now).withVelocity(linear, angular, text));
            }
            case "stop" -> {
                String reason = command.args().path("reason").asText("");
                String text = reason.isEmpty() ? "stop" : "stop (" + reason + ")";
                motion.updateAndGet(m -> m.advance(now).withVelocity(0, 0, text));
            }
            default -> throw new RobotLinkException("the synthetic robot only knows move and stop, not "
                    + command.action());
        }
    }

    private static double number(RobotCommand command, String name) {
        var value = command.args().get(name);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new RobotLinkException("move needs a number for " + name + ", got " + value);
        }
        return value.asDouble();
    }

    /** Advances the stored motion too, so {@link #pose} never integrates more than one period. */
    private void report() {
        try {
            Motion now = motion.updateAndGet(m -> m.advance(clock.millis()));
            listener.accept(state(now));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "synthetic robot state report failed", e);
        }
    }

    static ObjectNode state(Motion m) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.putObject("pose").put("x", round(m.x())).put("y", round(m.y())).put("yaw", round(m.yaw()));
        return state.put("moving", m.moving()).put("lastCommand", m.lastCommand());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public Pose pose(long epochMillis) {
        return motion.get().advance(epochMillis).pose();
    }

    @Override
    public void onState(Consumer<ObjectNode> listener) {
        this.listener = listener;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            reporter.shutdownNow();
        }
    }
}
