package io.fleetcast.observer.control;

import io.fleetcast.control.socket.Probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.observer.safety.Deadman;
import io.fleetcast.observer.safety.DeadmanSettings;
import io.fleetcast.quality.QualityState;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service goes away and comes back on the same port and database. */
@ExtendWith(StoresExtension.class)
class ReconnectTest {

    @Test
    void stopsTheRobotAtOnceWhenTheSocketDropsAndReconnectsAfterARestart(TestStores stores) throws IOException, InterruptedException {
        Map<String, String> env = Map.of("CONTROL_PORT", Integer.toString(freePort()));
        TestServer first = TestServer.start(stores, env, new OwnerDrivesPlayroom());
        TestServer second = null;
        RecordingLink robot = new RecordingLink();
        try {
            TestClient.Session owner = first.client().signUp("owner");
            TestClient.NewRobot rover = first.client().createRobot(owner, "rover", "private");
            int port = first.server().port();
            try (Deadman deadman = new Deadman(robot, new DeadmanSettings(Duration.ofSeconds(10)));
                 ControlClient observer = ControlClient.start(ControlClientTest.settings(port, rover), deadman,
                         () -> Optional.of(new StreamMetrics(1000, 20, 0, 0, QualityState.LOW, 900)), limits -> { })) {
                try (Probe user = UserSocket.robotOnline(port, rover.id(), owner.token())) {
                    user.send("{\"type\":\"command\",\"seq\":1,\"action\":\"move\",\"args\":{\"linear\":0.3}}");
                    robot.awaitAction("move");
                    long closing = System.nanoTime();
                    first.close();
                    RecordingLink.Received stop = robot.awaitAction("stop");
                    assertThat(stop.command()).isEqualTo(RobotCommand.stop("control_lost"));
                    assertThat(TimeUnit.NANOSECONDS.toMillis(stop.nanos() - closing)).as("at once, not the deadman's 10 s")
                            .isLessThan(2_000);
                }
                second = TestServer.onDatabase(stores, first.database(), env, new OwnerDrivesPlayroom());
                String token = second.client().login("owner", "password-owner").token();
                try (Probe user = UserSocket.robotOnline(port, rover.id(), token)) {
                    // Presence left in Redis by the first instance may say online before the observer is
                    // back, so keep driving until a move gets through.
                    RecordingLink.Received again = null;
                    for (int seq = 2; again == null && seq < 40; seq++) {
                        user.send("{\"type\":\"command\",\"seq\":" + seq
                                + ",\"action\":\"move\",\"args\":{\"linear\":0.2}}");
                        again = robot.poll(200);
                    }
                    assertThat(again).as("a move after the restart").isNotNull();
                    long seq = again.command().seq();
                    assertThat(user.await("ack", m -> m.path("seq").asLong() == seq).path("ok").asBoolean()).isTrue();
                }
            }
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    private static int freePort() throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
