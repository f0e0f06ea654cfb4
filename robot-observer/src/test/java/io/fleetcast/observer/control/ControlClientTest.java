package io.fleetcast.observer.control;

import io.fleetcast.control.socket.Probe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.observer.robot.SyntheticRobot;
import io.fleetcast.observer.robot.UdpBridge;
import io.fleetcast.observer.safety.Deadman;
import io.fleetcast.observer.safety.DeadmanSettings;
import io.fleetcast.observer.scene.Pose;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityState;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The observer's control side against a whole control service (real PostgreSQL and Redis). */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StreamMetrics METRICS = new StreamMetrics(3900, 48, 0.4, 12000, QualityState.MEDIUM, 2300);

    private TestServer server;
    private TestClient.Session owner;
    private TestClient.Session driver;
    private final List<Limits> applied = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(TestStores stores) {
        server = TestServer.start(stores);
        owner = server.client().signUp("owner");
        driver = server.client().signUp("driver");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private TestClient.NewRobot newRobot(String name) {
        TestClient.NewRobot robot = server.client().createRobot(owner, name, "private");
        server.server().permissions().grant(robot.id(), driver.userId(), Permission.DRIVE);
        return robot;
    }

    static ControlSettings settings(int port, TestClient.NewRobot robot) {
        return new ControlSettings(URI.create("http://127.0.0.1:" + port), robot.id(), robot.streamKey(),
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(400));
    }

    private ControlClient observe(TestClient.NewRobot robot, RobotLink link) {
        return ControlClient.start(settings(server.server().port(), robot), link, () -> Optional.of(METRICS),
                applied::add);
    }

    @Test
    void ownersMoveDrivesTheSyntheticRobotAndIsAcked() throws InterruptedException {
        TestClient.NewRobot rover = newRobot("synthetic");
        try (SyntheticRobot robot = new SyntheticRobot(Duration.ofMillis(50));
             Deadman deadman = new Deadman(robot, DeadmanSettings.fromEnv(Map.of()));
             ControlClient observer = observe(rover, deadman);
             Probe user = UserSocket.robotOnline(server.server().port(), rover.id(), owner.token())) {
            Pose before = robot.pose(System.currentTimeMillis());
            user.send("{\"type\":\"command\",\"seq\":1,\"action\":\"move\",\"args\":{\"linear\":0.5,\"angular\":0}}");
            JsonNode ack = user.await("ack");
            assertThat(ack.path("seq").asLong()).isEqualTo(1);
            assertThat(ack.path("user").asLong()).isEqualTo(owner.userId());
            assertThat(ack.path("ok").asBoolean()).isTrue();
            Thread.sleep(300);
            Pose after = robot.pose(System.currentTimeMillis());
            assertThat(after.x() - before.x()).as("east, the heading").isGreaterThan(0.1);
            assertThat(after.y()).isEqualTo(before.y());
            assertThat(after.lastCommand()).isEqualTo("move 0.50 0.00");
            JsonNode state = user.await("state", m -> m.path("data").path("moving").asBoolean());
            assertThat(state.path("data").path("pose").path("x").asDouble()).isGreaterThan(0);
        }
    }

    @Test
    void commandTheRobotCannotDoIsAckedNegatively() {
        TestClient.NewRobot rover = newRobot("picky");
        try (SyntheticRobot robot = new SyntheticRobot(Duration.ofMillis(50));
             ControlClient observer = observe(rover, robot);
             Probe user = UserSocket.robotOnline(server.server().port(), rover.id(), driver.token())) {
            user.send("{\"type\":\"command\",\"seq\":7,\"action\":\"jump\"}");
            JsonNode ack = user.await("ack");
            assertThat(ack.path("seq").asLong()).isEqualTo(7);
            assertThat(ack.path("ok").asBoolean()).isFalse();
            assertThat(ack.path("message").asText()).contains("jump");
        }
    }

    @Test
    void ownersMoveReachesAUdpRobotAndItsStateReachesAViewer() throws Exception {
        TestClient.NewRobot rover = newRobot("udp");
        TestClient.Session viewer = server.client().signUp("viewer");
        server.server().permissions().grant(rover.id(), viewer.userId(), Permission.VIEW);
        try (DatagramSocket robotSide = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             UdpBridge bridge = new UdpBridge("127.0.0.1", robotSide.getLocalPort(), 0);
             ControlClient observer = observe(rover, bridge);
             Probe user = UserSocket.robotOnline(server.server().port(), rover.id(), owner.token());
             Probe watching = UserSocket.robotOnline(server.server().port(), rover.id(), viewer.token())) {
            robotSide.setSoTimeout(5000);
            user.send("{\"type\":\"command\",\"seq\":17,\"action\":\"move\",\"args\":{\"linear\":0.4,\"angular\":-0.1}}");
            DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            robotSide.receive(packet);
            String line = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertThat(line).endsWith("\n");
            assertThat(JSON.readTree(line)).isEqualTo(JSON.readTree("{\"action\":\"move\",\"args\":{\"linear\":0.4,"
                    + "\"angular\":-0.1},\"seq\":17,\"user\":" + owner.userId() + "}"));
            assertThat(user.await("ack").path("ok").asBoolean()).isTrue();

            byte[] state = "{\"battery\":0.82,\"moving\":true}\n".getBytes(StandardCharsets.UTF_8);
            robotSide.send(new DatagramPacket(state, state.length, packet.getSocketAddress()));
            JsonNode frame = watching.await("state");
            assertThat(frame.path("data")).isEqualTo(JSON.readTree("{\"battery\":0.82,\"moving\":true}"));
            assertThat(frame.path("at").asLong()).isCloseTo(System.currentTimeMillis(),
                    org.assertj.core.data.Offset.offset(5_000L));
        }
    }

    @Test
    void stateIsSentAtMostAtTheStateRate() throws InterruptedException {
        TestClient.NewRobot rover = newRobot("chatty");
        RecordingLink robot = new RecordingLink();
        try (ControlClient observer = observe(rover, robot);
             Probe user = UserSocket.robotOnline(server.server().port(), rover.id(), owner.token())) {
            long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
            int emitted = 0;
            while (System.nanoTime() < end) {
                robot.emit(JSON.createObjectNode().put("n", emitted++));
                Thread.sleep(1);
            }
            List<JsonNode> states = user.drain(Duration.ofMillis(200)).stream()
                    .filter(m -> m.path("type").asText().equals("state")).toList();
            // 500 ms at one frame per 50 ms, plus the one still waiting when the burst ended.
            assertThat(states).hasSizeBetween(5, 12);
            assertThat(emitted).isGreaterThan(100);
            assertThat(states.getLast().path("data").path("n").asInt()).as("latest wins").isEqualTo(emitted - 1);
        }
    }

    @Test
    void metricsCarryTheStreamStatus() throws Exception {
        TestClient.NewRobot rover = newRobot("measured");
        try (ControlClient observer = observe(rover, new RecordingLink());
             Probe user = UserSocket.robotOnline(server.server().port(), rover.id(), owner.token())) {
            JsonNode metrics = user.await("metrics");
            assertThat(metrics.path("network")).isEqualTo(JSON.readTree(Frames.text(Frames.metrics(0, METRICS))).path("network"));
            assertThat(metrics.path("network").path("rttMs").asLong()).isEqualTo(48);
            assertThat(metrics.path("quality").path("state").asText()).isEqualTo("MEDIUM");
            assertThat(metrics.path("quality").path("bitrateKbps").asLong()).isEqualTo(2300);
        }
    }

    @Test
    void ownersQualityChoiceReachesTheOverrideAndNobodyElses() throws InterruptedException {
        TestClient.NewRobot rover = newRobot("quality");
        applied.clear();
        try (ControlClient observer = observe(rover, new RecordingLink());
             Probe ownerSocket = UserSocket.robotOnline(server.server().port(), rover.id(), owner.token());
             Probe driverSocket = UserSocket.robotOnline(server.server().port(), rover.id(), driver.token())) {
            driverSocket.send("{\"type\":\"quality\",\"mode\":\"pin\",\"state\":\"VERY_LOW\"}");
            assertThat(driverSocket.await("error").path("code").asText()).isEqualTo("forbidden");
            ownerSocket.send("{\"type\":\"quality\",\"mode\":\"cap\",\"state\":\"MEDIUM\"}");
            ownerSocket.send("{\"type\":\"quality\",\"mode\":\"pin\",\"state\":\"LOW\"}");
            ownerSocket.send("{\"type\":\"quality\",\"mode\":\"auto\"}");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (applied.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            assertThat(applied).containsExactly(Limits.cap(QualityState.MEDIUM), Limits.pin(QualityState.LOW),
                    Limits.NONE);
        }
    }

    @Test
    void closingIsIdempotentAndLeavesTheRobotOffline() {
        TestClient.NewRobot rover = newRobot("closing");
        ControlClient observer = observe(rover, new RecordingLink());
        try (Probe user = UserSocket.robotOnline(server.server().port(), rover.id(), owner.token())) {
            observer.close();
            observer.close();
            user.await("presence", m -> !m.path("online").asBoolean(true));
        }
    }
}
