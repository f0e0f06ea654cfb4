package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.broadcast.Output;
import io.fleetcast.bridge.broadcast.StreamDescription;
import io.fleetcast.media.Packet;
import io.fleetcast.media.log.FfmpegLog;
import io.fleetcast.media.retry.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A destination may block its caller on the network, but never for longer than its timeouts. */
class TimeoutTest {
    private static final Duration CONNECT = Duration.ofMillis(1500);
    private static final Duration IO = Duration.ofMillis(1000);
    private static final Backoff LONG_BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(60));
    private static FfmpegLog ffmpegLog;

    @BeforeAll
    static void routeFfmpegLog() {
        ffmpegLog = Destinations.installFfmpegLog(System.Logger.Level.WARNING);
    }

    @Test
    void anIngestThatStopsReadingBlocksOneWriteForTheTimeoutThenIsReconnected() throws Exception {
        try (FakeRtmpServer hung = new FakeRtmpServer(FakeRtmpServer.Mode.STALL_AFTER_PUBLISH);
             LogCapture log = new LogCapture(Level.ALL, RestreamOutput.class.getName());
             RestreamOutput output = new RestreamOutput(settings(hung.port()), ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.5, 4_000_000)) {
            TimedOutput timed = new TimedOutput(output);
            // Until the socket buffers (a few MB) are full and a write has to wait.
            for (int run = 0; run < 30 && log.atLeast(Level.WARNING).isEmpty(); run++) {
                broadcast.play(List.of(timed), 2, 0, second -> { });
            }

            assertThat(log.atLeast(Level.WARNING)).first().asString()
                    .contains("connection lost", "write timed out after 1000 ms");
            assertThat(timed.longestMillis).as("blocked for the timeout, not longer")
                    .isBetween(IO.toMillis() - 100, IO.toMillis() + 500);
            // The next attempt waits for its backoff and a keyframe: play on until it came (or 5 s did).
            for (int second = 0; second < 5 && hung.connections() < 2; second++) {
                broadcast.play(List.of(timed), 1, 0, ignored -> { });
            }
            assertThat(hung.connections()).as("it reconnected after the timeout").isGreaterThanOrEqualTo(2);
            assertThat(output.status().reconnects()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aServerThatNeverAnswersCostsOneConnectTimeoutPerAttempt() throws Exception {
        try (FakeRtmpServer silent = new FakeRtmpServer(FakeRtmpServer.Mode.SILENT);
             // A backoff longer than the test: a loaded machine's slower play reaches another keyframe.
             RestreamOutput output = new RestreamOutput(settings(silent.port(), LONG_BACKOFF), ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.5, 200_000)) {
            long start = System.nanoTime();
            broadcast.play(List.of(output), 1, 0, second -> { });
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(silent.connections()).isEqualTo(1);
            assertThat(millis).isBetween(CONNECT.toMillis() - 100, CONNECT.toMillis() + 1500);
            assertThat(output.status().state()).isEqualTo(RestreamState.BACKOFF);
            assertThat(output.status().lastError()).isEqualTo("connect timed out after 1500 ms");
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedConnectAtOnce() throws Exception {
        try (FakeRtmpServer silent = new FakeRtmpServer(FakeRtmpServer.Mode.SILENT);
             RestreamOutput output = new RestreamOutput(RestreamSettings.of("primary",
                     "rtmp://127.0.0.1:" + silent.port() + "/live", "timeout-key-0001", null, Destinations.QUICK,
                     Duration.ofSeconds(30), Duration.ofSeconds(30), null), ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.5, 200_000)) {
            CompletableFuture<Long> played = CompletableFuture.supplyAsync(() -> {
                try {
                    broadcast.play(List.of(output), 0.5, 0, second -> { });
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return System.nanoTime();
            });
            Thread.sleep(500);
            long closed = System.nanoTime();
            output.close();
            long returned = played.get(5, TimeUnit.SECONDS);
            assertThat((returned - closed) / 1_000_000).as("the 30 s connect gave way to close").isLessThan(1500);
        }
    }

    private static RestreamSettings settings(int port) {
        return settings(port, Destinations.QUICK);
    }

    private static RestreamSettings settings(int port, Backoff backoff) {
        return RestreamSettings.of("primary", "rtmp://127.0.0.1:" + port + "/live", "timeout-key-0001", null, backoff,
                CONNECT, IO, null);
    }

    /** Records the longest call into the output it wraps, as the bridge's output thread would feel it. */
    private static final class TimedOutput implements Output {
        private final Output output;
        private long longestMillis;

        TimedOutput(Output output) {
            this.output = output;
        }

        @Override
        public void begin(List<StreamDescription> streams, boolean discontinuity) {
            output.begin(streams, discontinuity);
        }

        @Override
        public void write(StreamDescription stream, Packet packet) {
            long start = System.nanoTime();
            output.write(stream, packet);
            longestMillis = Math.max(longestMillis, (System.nanoTime() - start) / 1_000_000);
        }

        @Override
        public void end() {
            output.end();
        }

        @Override
        public void close() {
            output.close();
        }
    }
}
