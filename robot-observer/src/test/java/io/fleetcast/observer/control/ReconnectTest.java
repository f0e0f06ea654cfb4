package io.fleetcast.observer.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.observer.safety.Deadman;
import io.fleetcast.observer.safety.DeadmanSettings;
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
    void stopsTheRobotAtOnceWhenTheSocketDropsAndReconnectsAfterARestart(TestStores stores) throws IOException {
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
                         Optional::empty, limits -> { })) {
                try (UserSocket user = new UserSocket(port, rover.id(), owner.token()).awaitRobotOnline()) {
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
                try (UserSocket user = new UserSocket(port, rover.id(), token).awaitRobotOnline()) {
                    user.send("{\"type\":\"command\",\"seq\":2,\"action\":\"move\",\"args\":{\"linear\":0.2}}");
                    RobotCommand again = robot.awaitAction("move").command();
                    assertThat(again.seq()).isEqualTo(2);
                    assertThat(user.await("ack").path("seq").asLong()).isEqualTo(2);
                }
            }
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
