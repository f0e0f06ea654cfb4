package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
    @Test
    void nonMediaFileFailsNamingTheInput(@TempDir Path dir) throws Exception {
        // A text file dressed as video (a .txt would be read as ANSI art by FFmpeg's tty demuxer).
        Path notes = dir.resolve("clip.mp4");
        Files.writeString(notes, "this is not a video\n".repeat(100));
        assertFailsNaming(notes.toString(), dir);
    }

    @Test
    void missingFileFailsNamingTheInput(@TempDir Path dir) throws Exception {
        assertFailsNaming(dir.resolve("nowhere.mp4").toString(), dir);
    }

    @Test
    void unknownProtocolFailsInsteadOfRetrying(@TempDir Path dir) throws Exception {
        assertFailsNaming("nosuchproto://camera/live", dir);
    }

    @Test
    void unreachableLiveInputKeepsRetryingAndStopsCleanly(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "tcp://127.0.0.1:" + port;
        Pipeline pipeline = Broadcasts.pipeline(url, "240p:400k", dir.resolve("hls"), 0).start();
        try {
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (pipeline.metrics().lastError().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(pipeline.metrics().lastError()).contains(url);
            assertThat(pipeline.awaitEnd(Duration.ofMillis(300))).as("still retrying").isFalse();
        } finally {
            pipeline.close();
        }
        assertThat(pipeline.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(pipeline.failure()).isNull();
    }

    private static void assertFailsNaming(String input, Path dir) throws InterruptedException {
        try (Pipeline pipeline = Broadcasts.pipeline(input, "480p:1200k", dir.resolve("hls"), 0).start()) {
            assertThat(pipeline.awaitEnd(Duration.ofSeconds(30))).isTrue();
            assertThat(pipeline.failure()).isNotNull();
            assertThat(pipeline.failure().getMessage()).contains(input);
        }
    }
}
