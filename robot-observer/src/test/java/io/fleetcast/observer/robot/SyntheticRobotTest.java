package io.fleetcast.observer.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.observer.control.RobotCommand;
import io.fleetcast.observer.control.RobotLinkException;
import io.fleetcast.observer.scene.Pose;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SyntheticRobotTest {
    private final ManualClock clock = new ManualClock(1_000_000);

    private SyntheticRobot robot() {
        return new SyntheticRobot(Duration.ofHours(1), clock);
    }

    @Test
    void drivesStraightAlongItsHeading() {
        try (SyntheticRobot robot = robot()) {
            robot.send(RobotCommand.move(0.5, 0));
            Pose pose = robot.pose(clock.millis() + 2_000);
            assertThat(pose.x()).isCloseTo(1.0, within(1e-9));
            assertThat(pose.y()).isCloseTo(0.0, within(1e-9));
            assertThat(pose.lastCommand()).isEqualTo("move 0.50 0.00");
        }
    }

    @Test
    void turnsOnAnArc() {
        try (SyntheticRobot robot = robot()) {
            // A quarter circle of radius 1 m: from facing east at the origin to (1, 1) facing north.
            robot.send(RobotCommand.move(Math.PI / 2, Math.PI / 2));
            Pose pose = robot.pose(clock.millis() + 1_000);
            assertThat(pose.x()).isCloseTo(1.0, within(1e-6));
            assertThat(pose.y()).isCloseTo(1.0, within(1e-6));
            assertThat(pose.yaw()).isCloseTo(Math.PI / 2, within(1e-9));
        }
    }

    @Test
    void stopHoldsThePoseReached() {
        try (SyntheticRobot robot = robot()) {
            robot.send(RobotCommand.move(0.4, -0.1));
            clock.advance(1_000);
            robot.send(RobotCommand.stop("deadman"));
            Pose stopped = robot.pose(clock.millis());
            assertThat(robot.pose(clock.millis() + 10_000)).isEqualTo(stopped);
            assertThat(stopped.x()).isGreaterThan(0.39);
            assertThat(stopped.y()).isLessThan(0);
            assertThat(stopped.lastCommand()).isEqualTo("stop (deadman)");
        }
    }

    @Test
    void staysInsideTheArena() {
        try (SyntheticRobot robot = robot()) {
            robot.send(RobotCommand.move(1.0, 0));
            Pose pose = robot.pose(clock.millis() + 60_000);
            assertThat(pose.x()).isEqualTo(2.0);
            assertThat(pose.y()).isEqualTo(0.0);
        }
    }

    @Test
    void refusesActionsItDoesNotKnow() {
        try (SyntheticRobot robot = robot()) {
            assertThatThrownBy(() -> robot.send(new RobotCommand("jump", null, 1L, 3L)))
                    .isInstanceOf(RobotLinkException.class).hasMessageContaining("jump");
        }
    }

    @Test
    void reportsItsStateEveryPeriod() throws InterruptedException {
        var states = new LinkedBlockingQueue<ObjectNode>();
        try (SyntheticRobot robot = new SyntheticRobot(Duration.ofMillis(20))) {
            robot.onState(states::add);
            robot.send(RobotCommand.move(0.4, -0.1));
            // A report may fall between onState and send: the first one after the move says moving.
            ObjectNode state = states.poll(2, TimeUnit.SECONDS);
            while (state != null && !state.path("moving").asBoolean()) {
                state = states.poll(2, TimeUnit.SECONDS);
            }
            assertThat(state).isNotNull();
            assertThat(state.path("lastCommand").asText()).isEqualTo("move 0.40 -0.10");
            assertThat(state.path("pose").has("x")).isTrue();
            assertThat(states.poll(2, TimeUnit.SECONDS)).as("a second report").isNotNull();
        }
    }
}
