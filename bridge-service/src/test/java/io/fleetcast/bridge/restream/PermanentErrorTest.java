package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.log.FfmpegLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PermanentErrorTest {
    private static final String LOGGER = RestreamOutput.class.getName();
    private static FfmpegLog ffmpegLog;

    @BeforeAll
    static void routeFfmpegLog() {
        ffmpegLog = Destinations.installFfmpegLog(System.Logger.Level.WARNING);
    }

    @Test
    void refusedPublishIsTriedThreeTimesThenGivenUpWithOneClearError() throws Exception {
        try (FakeRtmpServer ingest = new FakeRtmpServer(FakeRtmpServer.Mode.REFUSE);
             LogCapture log = new LogCapture(Level.ALL, LOGGER);
             RestreamOutput output = new RestreamOutput(Destinations.rtmp("primary", ingest.port(), "bad-key", null),
                     ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.1, 200_000)) {
            broadcast.play(List.of(output), 3, 2, second -> { });
            Destinations.playUntilFailed(broadcast, output);

            assertThat(ingest.connections()).as("one attempt per refusal, then none").isEqualTo(3);
            assertThat(output.status().state()).isEqualTo(RestreamState.FAILED);
            assertThat(output.status().connected()).isFalse();
            assertThat(output.status().lastError()).contains("Operation not permitted", "Invalid stream key");
            List<String> errors = log.atLeast(Level.SEVERE);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).contains("giving up", "publish refused by the server", "3 times",
                    "Server error: Invalid stream key", "primary", "rtmp://127.0.0.1:" + ingest.port() + "/live/<key redacted>");
        }
    }

    @Test
    void rtmpsToAPortAnsweringInPlainTextIsATlsRefusal() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket plain = plainTextServer("RTMP? no TLS here\r\n", attempts);
             LogCapture log = new LogCapture(Level.ALL, LOGGER);
             RestreamOutput output = new RestreamOutput(RestreamSettings.of("backup",
                     "rtmps://127.0.0.1:" + plain.getLocalPort() + "/live2", "tls-key", null, Destinations.QUICK,
                     Duration.ofSeconds(2), Duration.ofSeconds(2), null), ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.1, 200_000)) {
            broadcast.play(List.of(output), 3, 2, second -> { });
            Destinations.playUntilFailed(broadcast, output);

            assertThat(attempts.get()).isEqualTo(3);
            assertThat(output.status().state()).isEqualTo(RestreamState.FAILED);
            assertThat(log.atLeast(Level.SEVERE)).singleElement().asString()
                    .contains("giving up", "TLS refused", "SSL routines::");
        }
    }

    @Test
    void aServerThatDropsTheConnectionIsRetriedWithGrowingBackoffAndNeverGivenUp() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket dropping = plainTextServer("", attempts);
             LogCapture log = new LogCapture(Level.ALL, LOGGER);
             RestreamOutput output = new RestreamOutput(Destinations.rtmp("primary", dropping.getLocalPort(), "dropping-key-0001", null),
                     ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.1, 200_000)) {
            long started = System.nanoTime();
            broadcast.play(List.of(output), 3, 1, second -> { });
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            // 30 keyframes went by; backoff of 100 ms doubling to 800 ms allows about 6 tries in 3 s.
            assertThat(attempts.get()).isBetween(4, 10);
            assertThat(elapsedMillis).as("discarding never waited for the backoff").isLessThan(4_500);
            assertThat(output.status().state()).isIn(RestreamState.BACKOFF, RestreamState.CONNECTING);
            assertThat(output.status().dropped()).isGreaterThan(100);
            assertThat(log.atLeast(Level.SEVERE)).isEmpty();
            assertThat(log.atLeast(Level.WARNING)).hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(line -> assertThat(line).contains("next try in"));
        }
    }

    /** Accepts connections, counts them, answers {@code text} (nothing when empty) and hangs up. */
    private static ServerSocket plainTextServer(String text, AtomicInteger attempts) throws IOException {
        ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    attempts.incrementAndGet();
                    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        return server;
    }
}
