package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.HlsSettings;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.media.Packet;
import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputIsolationTest {
    /** A destination that takes the first packets and then hangs, like a peer that stopped reading. */
    private static final class HangingOutput implements Output {
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicLong written = new AtomicLong();

        @Override
        public void begin(List<StreamDescription> streams, boolean discontinuity) {
        }

        @Override
        public void write(StreamDescription stream, Packet packet) {
            if (written.incrementAndGet() > 50) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void end() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return "hanging";
        }
    }

    @Test
    void aDestinationThatStopsReadingLosesWholeGroupsWhileHlsKeepsRealTimePace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 12, true, 2_000_000, "ultrafast").writeTo(file);
        String url = "tcp://127.0.0.1:" + freePort();
        Path hls = dir.resolve("hls");
        LocalDirectory directory = new LocalDirectory(hls);
        HangingOutput hanging = new HangingOutput();
        List<Double> published = new ArrayList<>();
        ExecutorService camera = Executors.newSingleThreadExecutor();
        try (Pipeline pipeline = new Pipeline(Broadcasts.input(url), Broadcasts.run("360p:2000k"), Broadcasts.SLATE,
                List.of(new HlsOutput(directory, hls.resolve(".staging"), new HlsSettings(2.0, 0)), hanging), null, null,
                VideoPath.inMemory("libx264", "test"), Duration.ofSeconds(60))) {
            var publishing = camera.submit(() -> publish(file, url));
            pipeline.start();
            Path playlist = hls.resolve("360p/index.m3u8");
            long started = System.nanoTime();
            long last = -1;
            while (!publishing.isDone() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(40)) {
                long size = Files.exists(playlist) ? Files.size(playlist) : -1;
                if (size != last) {
                    last = size;
                    published.add((System.nanoTime() - started) / 1e9);
                }
                Thread.sleep(20);
            }
            assertThat(publishing.get()).isGreaterThan(10);
            Map<String, Long> drops = pipeline.metrics().outputDrops();
            assertThat(drops.get("hanging")).as("packets the hanging output lost").isGreaterThan(100);
            assertThat(drops).as("HLS lost nothing").containsEntry("HLS to " + directory, 0L);
            hanging.release.countDown();
        } finally {
            camera.shutdownNow();
        }
        var segments = HlsInspector.mediaPlaylist(hls.resolve("360p/index.m3u8"));
        assertThat(segments).hasSizeGreaterThanOrEqualTo(5).allSatisfy(s -> assertThat(s.startsWithKeyframe()).isTrue());
        for (int i = 2; i < published.size(); i++) {
            assertThat(published.get(i) - published.get(i - 1)).as("seconds between playlist updates " + published)
                    .isLessThan(3.0);
        }
    }

    private static double publish(Path file, String url) {
        try (PacedPublisher publisher = new PacedPublisher()) {
            return publisher.publish(file.toString(), "mpegts", url, Map.of("listen", "1", "listen_timeout", "30000"), 13);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
