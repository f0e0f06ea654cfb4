package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.gateway.NginxRtmp;
import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real RTMP gateway (Debian nginx + libnginx-mod-rtmp), which keeps the bridge connected across publishers. */
class GatewayRestartTest {
    @Test
    void aPublisherRestartedBehindTheGatewayIsBackInSecondsWithNothingDropped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.flv");
        new SyntheticSource(640, 360, 30, 6, true, 1_000_000, "ultrafast").writeTo(file);
        Path hls = dir.resolve("hls");
        ExecutorService camera = Executors.newSingleThreadExecutor();
        try (NginxRtmp gateway = new NginxRtmp(dir);
             Pipeline pipeline = Broadcasts.pipeline(gateway.url("playroom"), "360p:800k", hls, 0)) {
            String url = gateway.url("playroom");
            // The bridge waits for the playroom before its robot publishes.
            pipeline.start();
            Thread.sleep(1500);
            Future<Double> first = camera.submit(() -> publish(file, url));
            long started = System.nanoTime();
            Path playlist = hls.resolve("360p/index.m3u8");
            waitFor(() -> Files.exists(playlist), Duration.ofSeconds(15));
            double startSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(startSeconds).as("first segment after the publisher started (s)").isLessThan(5);
            assertThat(first.get(60, TimeUnit.SECONDS)).isGreaterThan(4);
            // The same publisher again: its timestamps start from zero while the bridge stays connected.
            long restarted = System.nanoTime();
            Future<Double> second = camera.submit(() -> publish(file, url));
            waitFor(() -> pipeline.metrics().sourceRebases() >= 1 && pipeline.metrics().inputFps() > 20,
                    Duration.ofSeconds(10));
            double backSeconds = (System.nanoTime() - restarted) / 1e9;
            assertThat(pipeline.metrics().sourceRebases()).isGreaterThanOrEqualTo(1);
            assertThat(backSeconds).as("source pictures again after the restart (s)").isLessThan(5);
            assertThat(second.get(60, TimeUnit.SECONDS)).isGreaterThan(4);
            var metrics = pipeline.metrics();
            assertThat(metrics.reconnects()).as("the gateway kept the bridge connected").isZero();
            assertThat(metrics.droppedFrames()).as("pictures dropped").isLessThan(10);
        } finally {
            camera.shutdownNow();
        }
        var segments = HlsInspector.mediaPlaylist(hls.resolve("360p/index.m3u8"));
        assertThat(segments).hasSizeGreaterThan(4).allSatisfy(s -> assertThat(s.startsWithKeyframe()).isTrue());
        double frames = segments.stream().mapToInt(HlsInspector.Segment::videoFrames).sum();
        assertThat(frames).as("pictures in the playlist: two 6 s sessions at 30 fps").isGreaterThan(300);
    }

    private static double publish(Path file, String url) {
        try (PacedPublisher publisher = new PacedPublisher()) {
            return publisher.publish(file.toString(), "flv", url, Map.of(), 7.0);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }
}
