package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.log.FfmpegLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No stream key in any log line: ours, FFmpeg's at its most verbose (it prints the stream
 * name it publishes to), the server's error text, exceptions, the status and toString.
 */
class KeyRedactionTest {
    private static final String LIVE_KEY = "live-abcd-1234-efgh-5678";
    private static final String REFUSED_KEY = "refused-wxyz-9876";
    private static final String UNREACHABLE_KEY = "nobody-listens-4242";
    private static FfmpegLog ffmpegLog;

    @BeforeAll
    static void logEverythingFfmpegSays() {
        ffmpegLog = Destinations.installFfmpegLog(System.Logger.Level.TRACE);
    }

    @AfterAll
    static void quietFfmpegAgain() {
        Destinations.installFfmpegLog(System.Logger.Level.WARNING);
    }

    @Test
    void noStreamKeyReachesAnyLogLineStatusOrMessage() throws Exception {
        int livePort = Destinations.freePort();
        List<RestreamOutput> outputs = new ArrayList<>();
        List<String> lines;
        try (LogCapture log = new LogCapture(Level.ALL, "", "ffmpeg", "io.fleetcast");
             FakeRtmpServer refusing = new FakeRtmpServer(FakeRtmpServer.Mode.REFUSE);
             TestBroadcast broadcast = new TestBroadcast(0.2, 200_000)) {
            // The outputs first: they tell the FFmpeg log their keys, which the receiver's own
            // "Opening rtmp://.../KEY" line (FFmpeg's, in this process) must not show either.
            outputs.add(new RestreamOutput(Destinations.rtmp("primary", livePort, LIVE_KEY, null), ffmpegLog));
            outputs.add(new RestreamOutput(Destinations.rtmp("backup", refusing.port(), REFUSED_KEY, null), ffmpegLog));
            outputs.add(new RestreamOutput(Destinations.rtmp("spare", Destinations.freePort(), UNREACHABLE_KEY, null),
                    ffmpegLog));
            RtmpReceiver receiver = new RtmpReceiver(Destinations.receiverUrl(livePort, LIVE_KEY));
            Thread.sleep(200);
            broadcast.play(outputs, 1.5, 2, second -> { });
            assertThat(receiver.await(s -> !s.isEmpty() && s.get(0).pictures() > 10, Duration.ofSeconds(5))).isTrue();
            receiver.close();
            broadcast.play(outputs, 1, 2, second -> { });
            for (RestreamOutput output : outputs) {
                assertThat(List.of(output.status().toString(), output.toString())).allSatisfy(KeyRedactionTest::hasNoKey);
                output.close();
            }
            lines = log.lines();
        }

        assertThat(lines).allSatisfy(KeyRedactionTest::hasNoKey);
        // The check saw what it had to: our lines about each destination, FFmpeg naming the stream it publishes.
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("restream primary", "/live/<key redacted>", "live"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("restream primary", "connection lost"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("restream backup", "giving up"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("restream spare", "Connection refused"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("ffmpeg", "publish", "<redacted>"));
        assertThat(outputs.get(1).status().lastError()).contains("Invalid stream key");
    }

    private static void hasNoKey(String line) {
        assertThat(line).doesNotContain(LIVE_KEY, REFUSED_KEY, UNREACHABLE_KEY);
    }
}
