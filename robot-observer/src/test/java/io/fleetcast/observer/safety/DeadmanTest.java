package io.fleetcast.observer.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.observer.control.RecordingLink;
import io.fleetcast.observer.control.RobotCommand;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live deadman on a real clock and its one thread. */
class DeadmanTest {
    private final RecordingLink robot = new RecordingLink();

    @Test
    void stopsAMovingRobotAboutHalfASecondAfterTheLastMove() {
        try (Deadman deadman = new Deadman(robot, DeadmanSettings.fromEnv(java.util.Map.of()))) {
            deadman.send(RobotCommand.move(0.4, 0));
            long moved = robot.awaitAction("move").nanos();
            RecordingLink.Received stop = robot.awaitAction("stop");
            long afterMillis = TimeUnit.NANOSECONDS.toMillis(stop.nanos() - moved);
            assertThat(stop.command().args().path("reason").asText()).isEqualTo("deadman");
            assertThat(afterMillis).isBetween(450L, 900L);
        }
    }

    @Test
    void keepsARobotThatIsToldToMoveAgainGoing() throws InterruptedException {
        try (Deadman deadman = new Deadman(robot, new DeadmanSettings(Duration.ofMillis(300)))) {
            for (int i = 0; i < 6; i++) {
                deadman.send(RobotCommand.move(0.4, 0));
                Thread.sleep(100);
            }
            RecordingLink.Received next;
            int moves = 0;
            while ((next = robot.poll(0)) != null) {
                assertThat(next.command().action()).isEqualTo("move");
                moves++;
            }
            assertThat(moves).isEqualTo(6);
            assertThat(robot.awaitAction("stop").command().args().path("reason").asText()).isEqualTo("deadman");
        }
    }

    @Test
    void closingStopsAMovingRobot() {
        Deadman deadman = new Deadman(robot, new DeadmanSettings(Duration.ofSeconds(30)));
        deadman.send(RobotCommand.move(0.4, 0));
        deadman.close();
        deadman.close();
        assertThat(robot.awaitAction("stop").command()).isEqualTo(RobotCommand.stop("shutdown"));
    }

    @Test
    void aFailingRobotFailsTheSend() {
        try (Deadman deadman = new Deadman(new FailingLink(), DeadmanSettings.fromEnv(java.util.Map.of()))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> deadman.send(RobotCommand.move(1, 0)))
                    .hasMessageContaining("robot unplugged");
        }
    }
}
