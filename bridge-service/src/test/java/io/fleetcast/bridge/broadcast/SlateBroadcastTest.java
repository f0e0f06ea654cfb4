package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlateBroadcastTest {
    @Test
    void theSlateFillsTheTimeALiveInputIsAwayAndTheSourceReturnsWithoutADiscontinuity(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 5, true, 1_000_000, "ultrafast").writeTo(file);
        int port = freePort();
        String serve = "tcp://127.0.0.1:" + port;
        Map<String, String> listen = Map.of("listen", "1", "listen_timeout", "30000");
        Path hls = dir.resolve("hls");
        ExecutorService camera = Executors.newSingleThreadExecutor();
        try (Pipeline pipeline = Broadcasts.pipeline(serve, "360p:800k,240p:400k", hls, 0)) {
            pipeline.start();
            assertThat(camera.submit(() -> publish(file, serve, listen)).get(60, TimeUnit.SECONDS)).isGreaterThan(3);
            // The camera is away for about six seconds, then comes back on the same address.
            Thread.sleep(6000);
            assertThat(camera.submit(() -> publish(file, serve, listen)).get(60, TimeUnit.SECONDS)).isGreaterThan(3);
            waitFor(() -> pipeline.metrics().reconnects() >= 1, Duration.ofSeconds(20));
            assertThat(pipeline.metrics().slatePictures()).as("slate pictures at 30 fps").isGreaterThan(4 * 30);
        } finally {
            camera.shutdownNow();
        }
        for (String rung : new String[] {"360p", "240p"}) {
            var segments = HlsInspector.mediaPlaylist(hls.resolve(rung + "/index.m3u8"));
            assertThat(segments).as(rung).hasSizeGreaterThan(6).allSatisfy(s -> {
                assertThat(s.discontinuity()).isFalse();
                assertThat(s.startsWithKeyframe()).isTrue();
                assertThat(s.audioPackets()).isPositive();
            });
            for (int i = 1; i < segments.size(); i++) {
                var before = segments.get(i - 1);
                assertThat(segments.get(i).firstVideoSeconds() - before.firstVideoSeconds())
                        .as("segment %d of %s follows on", i, rung).isCloseTo(before.listedSeconds(), within(0.05));
            }
            List<Boolean> slate = segments.stream()
                    .map(s -> Math.abs(s.firstPictureLuma() - SlatePicture.CARD_LUMA) < 12).toList();
            int firstSlate = slate.indexOf(true);
            int lastSlate = slate.lastIndexOf(true);
            assertThat(firstSlate).as("slate segments in " + rung + ": " + slate).isPositive();
            assertThat(lastSlate).as("the source returns after the slate in " + rung).isLessThan(slate.size() - 1);
        }
    }

    private static double publish(Path file, String url, Map<String, String> options) {
        try (PacedPublisher publisher = new PacedPublisher()) {
            return publisher.publish(file.toString(), "mpegts", url, options, 4.0);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
