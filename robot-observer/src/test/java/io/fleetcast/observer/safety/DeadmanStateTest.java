package io.fleetcast.observer.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.observer.control.RobotCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadmanStateTest {
    private static final DeadmanState IDLE = DeadmanState.disarmed(Duration.ofMillis(500));
    private static final RobotCommand FORWARD = RobotCommand.move(0.4, -0.1);

    @Test
    void stopsExactlyTimeoutAfterTheLastMove() {
        DeadmanDecision moved = IDLE.onCommand(FORWARD, 1_000);
        assertThat(moved.send()).containsExactly(FORWARD);
        assertThat(moved.next().onTick(1_499).send()).isEmpty();
        DeadmanDecision expired = moved.next().onTick(1_500);
        assertThat(expired.send()).containsExactly(RobotCommand.stop("deadman"));
        assertThat(expired.next().armed()).isFalse();
        assertThat(expired.next().onTick(5_000).send()).as("stops once").isEmpty();
    }

    @Test
    void eachMoveRenewsTheDeadline() {
        DeadmanState state = IDLE.onCommand(FORWARD, 1_000).next().onCommand(FORWARD, 1_400).next();
        assertThat(state.onTick(1_500).send()).isEmpty();
        assertThat(state.onTick(1_900).send()).containsExactly(RobotCommand.stop("deadman"));
    }

    @Test
    void stopOrZeroMoveDisarms() {
        DeadmanState moving = IDLE.onCommand(FORWARD, 1_000).next();
        DeadmanDecision stopped = moving.onCommand(RobotCommand.stop("turn_ended"), 1_100);
        assertThat(stopped.send()).as("forwarded at once").containsExactly(RobotCommand.stop("turn_ended"));
        assertThat(stopped.next().onTick(10_000).send()).isEmpty();
        assertThat(moving.onCommand(RobotCommand.move(0, 0), 1_100).next().onTick(10_000).send()).isEmpty();
    }

    @Test
    void otherActionsNeitherArmNorRenew() {
        RobotCommand beep = new RobotCommand("beep", null, 4L, 3L);
        assertThat(IDLE.onCommand(beep, 1_000).next().armed()).isFalse();
        DeadmanState moving = IDLE.onCommand(FORWARD, 1_000).next().onCommand(beep, 1_400).next();
        assertThat(moving.onTick(1_500).send()).containsExactly(RobotCommand.stop("deadman"));
    }

    @Test
    void shutdownStopsOnlyAMovingRobot() {
        assertThat(IDLE.onShutdown().send()).isEmpty();
        assertThat(IDLE.onCommand(FORWARD, 0).next().onShutdown().send())
                .containsExactly(RobotCommand.stop("shutdown"));
    }

    @Test
    void timeoutComesFromEnvironment() {
        assertThat(DeadmanSettings.fromEnv(java.util.Map.of()).timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(DeadmanSettings.fromEnv(java.util.Map.of("OBSERVER_DEADMAN_MS", "250")).timeout())
                .isEqualTo(Duration.ofMillis(250));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> DeadmanSettings.fromEnv(java.util.Map.of("OBSERVER_DEADMAN_MS", "soon")))
                .hasMessageContaining("OBSERVER_DEADMAN_MS").hasMessageContaining("soon");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> DeadmanSettings.fromEnv(java.util.Map.of("OBSERVER_DEADMAN_MS", "5")))
                .hasMessageContaining("OBSERVER_DEADMAN_MS").hasMessageContaining("5");
    }
}
