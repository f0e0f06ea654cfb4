package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.broadcast.Output;
import io.fleetcast.bridge.broadcast.Pipeline;
import io.fleetcast.bridge.broadcast.RunSettings;
import io.fleetcast.bridge.broadcast.SlateSettings;
import io.fleetcast.bridge.encoder.EncoderOptions;
import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.HlsSettings;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.bridge.ingest.InputSettings;
import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.media.log.FfmpegLog;
import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole bridge: a file through the real ladder and audio path into HLS and a restream at once. */
class PipelineRestreamTest {
    private static FfmpegLog ffmpegLog;

    @BeforeAll
    static void routeFfmpegLog() {
        ffmpegLog = Destinations.installFfmpegLog(System.Logger.Level.WARNING);
    }

    @Test
    void theLaddersNamedRungAndItsSoundAreRestreamedBesideHls(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("source.ts");
        new SyntheticSource(640, 360, 30, 4, true, 1_500_000, "ultrafast").writeTo(source);
        int port = Destinations.freePort();
        LocalDirectory hls = new LocalDirectory(dir.resolve("hls"));
        try (RtmpReceiver receiver = new RtmpReceiver(Destinations.receiverUrl(port, "bridge-key"))) {
            Thread.sleep(200);
            List<Output> outputs = List.of(new HlsOutput(hls, dir.resolve("staging"), new HlsSettings(2, 0)),
                    new RestreamOutput(Destinations.rtmp("primary", port, "bridge-key", "180p"), ffmpegLog));
            InputSettings input = new InputSettings(source.toString(), Duration.ofSeconds(5),
                    InputSettings.DEFAULT_PROBE_SIZE, InputSettings.DEFAULT_ANALYZE_MICROS, Duration.ofMillis(200),
                    Duration.ofSeconds(1));
            RunSettings run = new RunSettings(new Ladder(Rung.parseAll("360p:800k,180p:300k"), 0), "libx264",
                    new EncoderOptions("ultrafast", "p4"), 0, 1.0, 128_000, 0, true);
            try (Pipeline pipeline = new Pipeline(input, run, new SlateSettings(SlateSettings.DEFAULT_AFTER, null), outputs,
                    null, null, VideoPath.inMemory("libx264", "test"), Duration.ofSeconds(60)).start()) {
                assertThat(pipeline.awaitEnd(Duration.ofMinutes(1))).isTrue();
                assertThat(pipeline.failure()).isNull();
            }

            assertThat(receiver.await(s -> !s.isEmpty() && s.get(0).pictures() >= 4 * 30 - 3, Duration.ofSeconds(10)))
                    .as(receiver.describe()).isTrue();
            RtmpReceiver.Session session = receiver.sessions().get(0);
            assertThat(session.error).isNull();
            assertThat(List.of(session.width, session.height)).containsExactly(320, 180);
            assertThat(session.pictureMillis.get(0)).isBetween(0L, 100L);
            assertThat(session.longestGapMillis()).isLessThanOrEqualTo(34);
            assertThat(session.audioSamples).as("the source's tone, 4 s of it").isGreaterThan(48_000L * 3);
        }
        assertThat(Files.exists(dir.resolve("hls").resolve(HlsOutput.MASTER))).as("HLS unchanged beside it").isTrue();
    }
}
