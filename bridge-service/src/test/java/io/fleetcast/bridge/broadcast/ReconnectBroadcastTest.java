package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.io.IOException;
import java.net.ServerSocket;
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

class ReconnectBroadcastTest {
    @Test
    void liveInputThatDropsAndReturnsContinuesWithDiscontinuity(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 5, true, 1_000_000, "ultrafast").writeTo(file);
        int port = freePort();
        String serve = "tcp://127.0.0.1:" + port;
        Map<String, String> listen = Map.of("listen", "1", "listen_timeout", "30000");
        Path hls = dir.resolve("hls");
        ExecutorService camera = Executors.newSingleThreadExecutor();
        try (Pipeline pipeline = Broadcasts.pipeline(serve, "360p:800k,240p:400k", hls, 0)) {
            Future<Double> first = camera.submit(() -> publish(file, serve, listen));
            pipeline.start();
            assertThat(first.get(60, TimeUnit.SECONDS)).isGreaterThan(3);
            // The camera is gone; it comes back on the same address.
            Future<Double> second = camera.submit(() -> publish(file, serve, listen));
            assertThat(second.get(60, TimeUnit.SECONDS)).isGreaterThan(3);
            waitFor(() -> pipeline.metrics().reconnects() >= 1, Duration.ofSeconds(20));
            Path playlist = hls.resolve("360p/index.m3u8");
            waitFor(() -> segmentsAfterDiscontinuity(playlist) >= 1, Duration.ofSeconds(20));
            assertThat(pipeline.metrics().reconnects()).isGreaterThanOrEqualTo(1);
        } finally {
            camera.shutdownNow();
        }
        for (String rung : new String[] {"360p", "240p"}) {
            var segments = HlsInspector.mediaPlaylist(hls.resolve(rung + "/index.m3u8"));
            int cut = 0;
            while (cut < segments.size() && !segments.get(cut).discontinuity()) {
                cut++;
            }
            assertThat(cut).as("segments before the drop in " + rung).isBetween(1, segments.size() - 1);
            double before = segments.get(cut - 1).firstVideoSeconds();
            assertThat(segments.get(cut).firstVideoSeconds()).as("time moves on after the drop").isGreaterThan(before);
            assertThat(segments).allSatisfy(s -> {
                assertThat(s.startsWithKeyframe()).isTrue();
                assertThat(s.audioPackets()).isPositive();
            });
        }
    }

    private static double publish(Path file, String url, Map<String, String> options) {
        try (PacedPublisher publisher = new PacedPublisher()) {
            return publisher.publish(file.toString(), "mpegts", url, options, 4.0);
        }
    }

    private static long segmentsAfterDiscontinuity(Path playlist) {
        if (!Files.exists(playlist)) {
            return 0;
        }
        var lines = HlsInspector.lines(playlist);
        int index = lines.indexOf("#EXT-X-DISCONTINUITY");
        return index < 0 ? 0 : lines.subList(index, lines.size()).stream().filter(l -> l.endsWith(".ts")).count();
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
