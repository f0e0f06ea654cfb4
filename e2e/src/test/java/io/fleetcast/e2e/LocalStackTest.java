package io.fleetcast.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.stack.ControlApi;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, {@code java -jar local-stack/target/local-stack.jar}, as a newcomer
 * runs it: it prints where to go and how to sign in, the playroom's broadcast plays from the
 * control service's own HLS within a minute, the demo user drives the robot and it moves in
 * that video, and Ctrl-C (SIGTERM) stops every process it started.
 */
class LocalStackTest {
    @Test
    void oneCommandStartsAPlayroomThatPlaysAndIsDrivenAndStopsEverything(@TempDir Path dir) throws Exception {
        int port = Repository.freePort();
        long started = System.currentTimeMillis();
        List<ProcessHandle> children;
        try (ServiceProcess stack = ServiceProcess.jar("local-stack", "local-stack", Map.of("FLEETCAST_DATA_DIR",
                dir.toString(), "CONTROL_PORT", Integer.toString(port), "CONTROL_INTERNAL_PORT",
                Integer.toString(Repository.freePort()), "BRIDGE_API_PORT",
                Integer.toString(Repository.freePort()), "INGEST_PORT", Integer.toString(Repository.freePort())),
                dir)) {
            stack.awaitLog(line -> line.contains("Fleetcast is running"), Duration.ofSeconds(120), "its banner");
            assertThat(stack.lines()).anyMatch(line -> line.contains("http://localhost:" + port + "/dashboard"))
                    .anyMatch(line -> line.contains("sign in as demo / fleetcast-demo"));
            URI base = URI.create("http://localhost:" + port);
            String playlist = new ControlApi(base).get("/api/stream/info", null).path("playroomPlaylistUrl").asText();
            assertThat(playlist).isEqualTo(base + "/hls/master.m3u8");
            try (VideoProbe video = VideoProbe.hls(base + "/hls/360p/index.m3u8")) {
                video.await(p -> p.stream().anyMatch(x -> !Double.isNaN(x.scene().markerX())), Duration.ofSeconds(60),
                        "the playroom's pictures over the control service's HLS");
                System.out.printf("e2e: the local stack's playroom played %.1f s after the command%n",
                        (System.currentTimeMillis() - started) / 1000.0);
                drive(base, video);
            }
            children = ProcessHandle.of(stack.pid()).orElseThrow().descendants().toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(4);
        }
        Thread.sleep(500);
        assertThat(children).as("every process it started is stopped").noneMatch(ProcessHandle::isAlive);
    }

    /** The demo user takes the playroom's turn and drives forward; the marker moves in the HLS pictures. */
    private static void drive(URI base, VideoProbe video) throws InterruptedException {
        ControlApi api = new ControlApi(base);
        ControlApi.User demo = api.signIn("demo", "fleetcast-demo");
        long playroom = api.get("/api/stream/info", null).path("playroomRobot").asLong(0);
        String socketPath = playroom > 0 ? "robot_" + playroom : "robot_1";
        try (ControlSocket socket = new ControlSocket(base, socketPath, demo.token())) {
            socket.send("{\"type\":\"queue\",\"action\":\"join\"}");
            socket.await(m -> m.path("driver").asLong() == demo.id() && m.path("position").asInt(-1) == 0,
                    Duration.ofSeconds(15), "the demo's turn");
            socket.send("{\"type\":\"queue\",\"action\":\"ready\"}");
            double before = VideoProbe.markerX(video.pictures());
            long from = System.currentTimeMillis();
            for (int seq = 1; seq <= 20; seq++) {
                socket.send("{\"type\":\"command\",\"seq\":" + seq + ",\"action\":\"move\",\"args\":{\"linear\":0.8,"
                        + "\"angular\":0}}");
                Thread.sleep(100);
            }
            socket.send("{\"type\":\"command\",\"seq\":21,\"action\":\"stop\",\"args\":{}}");
            video.await(p -> Math.abs(VideoProbe.markerX(video.since(from + 2000)) - before) > 0.05,
                    Duration.ofSeconds(20), "the robot moving from x=" + before);
        }
    }
}
