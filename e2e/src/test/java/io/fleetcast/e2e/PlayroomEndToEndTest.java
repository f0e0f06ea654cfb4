package io.fleetcast.e2e;

import io.fleetcast.stack.ControlApi;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * MISSION.md's flows through the real processes of {@link Stack}: robots publish with their
 * keys through the gateway, the bridge makes the ladder, a driver moves the playroom robot in
 * the decoded video, the queue hands over, metrics reach the owner, and glass-to-glass
 * latency is measured with the synthetic scene's capture-time strip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlayroomEndToEndTest {
    Path dir;
    Stack stack;

    @BeforeAll
    void start(@TempDir Path tempDir) {
        dir = tempDir;
        stack = new Stack(dir);
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void robotsPublishWithTheirKeysAndAWrongKeyIsRefused() throws Exception {
        awaitTrue(() -> stack.gateway().authStatuses().stream().filter(s -> s == 200).count() >= 2,
                Duration.ofSeconds(60), "both robots admitted by the gateway: " + stack.gateway().authStatuses());
        Path clip = dir.resolve("clip.ts");
        new SyntheticSource(320, 180, 15, 2, false, 300_000, "ultrafast").writeTo(clip);
        String wrong = stack.gateway().playUrl(stack.rover().path()) + "?user=" + stack.rover().path() + "&pass=not-the-key";
        int before = stack.gateway().authStatuses().size();
        try (PacedPublisher publisher = new PacedPublisher()) {
            assertThatThrownBy(() -> publisher.publish(clip.toString(), "flv", wrong, Map.of(), 2))
                    .isInstanceOf(MediaException.class);
        }
        assertThat(stack.gateway().authStatuses().subList(before, stack.gateway().authStatuses().size()))
                .as("the control service's answer to the wrong key, through nginx").contains(403).doesNotContain(200);
    }

    @Test
    @Order(2)
    void theBridgeMakesTheLadderFromThePlayroomRobot() throws Exception {
        stack.awaitPlayroomLive(Duration.ofSeconds(60));
        assertThat(Files.readString(stack.hlsMaster())).contains("360p/index.m3u8").contains("240p/index.m3u8");
        try (VideoProbe hls = VideoProbe.hls(stack.hlsPlaylist("240p").toString())) {
            hls.await(p -> p.size() >= 30, Duration.ofSeconds(30), "pictures of the 240p rung");
            VideoProbe.Picture last = hls.pictures().getLast();
            assertThat(last.height()).isEqualTo(240);
            assertThat(last.scene().hasCapture()).as("the robot's capture time survives the ladder").isTrue();
        }
    }

    @Test
    @Order(3)
    void theQueuesDriverMovesThePlayroomRobotInTheVideoAndTheQueueHandsOver() throws Exception {
        String socket = "robot_" + stack.playroomId();
        try (ControlSocket alice = new ControlSocket(stack.api().base(), socket, stack.alice().token());
             ControlSocket bob = new ControlSocket(stack.api().base(), socket, stack.bob().token());
             VideoProbe video = VideoProbe.rtmp(stack.gateway().playUrl("playroom"))) {
            alice.send("{\"type\":\"queue\",\"action\":\"join\"}");
            alice.await(m -> "promoted".equals(m.path("event").asText()) && m.path("position").asInt(-1) == 0,
                    Duration.ofSeconds(10), "alice's ready prompt");
            bob.send("{\"type\":\"queue\",\"action\":\"join\"}");
            bob.await(m -> m.path("position").asInt(-1) == 1, Duration.ofSeconds(10), "bob waiting at position 1");
            alice.send("{\"type\":\"queue\",\"action\":\"ready\"}");
            ControlSocket.Received turn = alice.await(m -> "turn_started".equals(m.path("event").asText()),
                    Duration.ofSeconds(10), "alice's turn");
            assertThat(turn.message().path("turnEndsAt").asLong() - turn.atMillis()).isBetween(18_000L, 21_000L);

            video.await(p -> p.stream().anyMatch(x -> !Double.isNaN(x.scene().markerX())), Duration.ofSeconds(20),
                    "the robot marker");
            double startX = VideoProbe.markerX(video.pictures());
            long drivingFrom = System.currentTimeMillis();
            for (int seq = 1; seq <= 20; seq++) {
                alice.send("{\"type\":\"command\",\"seq\":" + seq + ",\"action\":\"move\",\"args\":{\"linear\":0.8,\"angular\":0}}");
                Thread.sleep(100);
            }
            alice.send("{\"type\":\"command\",\"seq\":21,\"action\":\"stop\",\"args\":{}}");
            video.await(p -> Math.abs(VideoProbe.markerX(video.since(drivingFrom + 2500)) - startX) > 0.05, Duration.ofSeconds(10),
                    "the marker moved from x=" + startX);

            alice.send("{\"type\":\"queue\",\"action\":\"leave\"}");
            bob.await(m -> m.path("driver").asLong() == stack.bob().id() && m.path("position").asInt(-1) == 0
                    && "ready".equals(m.path("phase").asText()), Duration.ofSeconds(10), "bob's turn after alice left");
        }
    }

    @Test
    @Order(4)
    void theRobotsQualityMetricsReachItsOwner() {
        try (ControlSocket owner = new ControlSocket(stack.api().base(), stack.rover().path(), stack.alice().token())) {
            JsonNode metrics = owner.await(m -> "metrics".equals(m.path("type").asText()), Duration.ofSeconds(10),
                    "metrics from the rover").message();
            assertThat(metrics.path("quality").path("state").asText()).isIn("HIGH", "MEDIUM", "LOW", "VERY_LOW");
            assertThat(metrics.path("quality").path("bitrateKbps").asInt()).isPositive();
        }
    }

    @Test
    @Order(5)
    void commandsAndPicturesArriveWithinTheLatencyTargets() throws Exception {
        Latency.Figures figures = Latency.measure(stack, "360p", 5, 50);
        System.out.println("e2e: " + figures.describe());
        assertThat(Percentiles.of(figures.commandToRobot(), 95)).as("command p95 (target 50 ms on an idle machine)")
                .isLessThanOrEqualTo(200);
        assertThat(Percentiles.of(figures.captureToBridge(), 95)).as("capture -> bridge p95 (target 500 ms)")
                .isLessThanOrEqualTo(1500);
        assertThat(Percentiles.of(figures.captureToHls(), 95)).as("capture -> HLS p95 (target 2 segments + 1 s)")
                .isLessThanOrEqualTo((long) (2 * Stack.SEGMENT_SECONDS * 1000 + 3000));
    }

    @Test
    @Order(6)
    void noStreamKeyOrPasswordReachesAnyLog() {
        String logs = stack.allLogs();
        assertThat(logs).doesNotContain(stack.playroomKey()).doesNotContain(stack.rover().streamKey())
                .doesNotContain(Stack.PASSWORD).doesNotContain(stack.alice().token());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            ServiceProcess.sleep(100);
        }
    }
}
