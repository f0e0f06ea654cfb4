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
import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source stops for 10 s: both destinations keep receiving pictures at the frame rate, the slate's. */
class SlateRestreamTest {
    /** The generated slate card's grey (SlatePicture.CARD_LUMA), within what text and encoding add. */
    private static final double SLATE_LUMA = 48;
    private static FfmpegLog ffmpegLog;

    @BeforeAll
    static void routeFfmpegLog() {
        ffmpegLog = Destinations.installFfmpegLog(System.Logger.Level.WARNING);
    }

    @Test
    void whileTheSourceIsAwayForTenSecondsBothDestinationsGetTheSlateAtTheFrameRateOnOneConnection(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 4, true, 1_000_000, "ultrafast").writeTo(file);
        String url = "tcp://127.0.0.1:" + Destinations.freePort();
        int primaryPort = Destinations.freePort();
        int backupPort = Destinations.freePort();
        ExecutorService camera = Executors.newSingleThreadExecutor();
        try (RtmpReceiver primary = new RtmpReceiver(Destinations.receiverUrl(primaryPort, "key-1"));
             RtmpReceiver backup = new RtmpReceiver(Destinations.receiverUrl(backupPort, "key-2"))) {
            LocalDirectory hls = new LocalDirectory(dir.resolve("hls"));
            List<Output> outputs = List.of(new HlsOutput(hls, dir.resolve("staging"), new HlsSettings(2, 0)),
                    new RestreamOutput(Destinations.rtmp("primary", primaryPort, "key-1", null), ffmpegLog),
                    new RestreamOutput(Destinations.rtmp("backup", backupPort, "key-2", null), ffmpegLog));
            InputSettings input = new InputSettings(url, Duration.ofSeconds(5), InputSettings.DEFAULT_PROBE_SIZE,
                    InputSettings.DEFAULT_ANALYZE_MICROS, Duration.ofMillis(200), Duration.ofSeconds(1));
            RunSettings run = new RunSettings(new Ladder(Rung.parseAll("360p:800k"), 0), "libx264",
                    new EncoderOptions("ultrafast", "p4"), 0, 2.0, 128_000, 0, true);
            try (Pipeline pipeline = new Pipeline(input, run, new SlateSettings(SlateSettings.DEFAULT_AFTER, null),
                    outputs, null, null, VideoPath.inMemory("libx264", "test"), Duration.ofSeconds(60)).start()) {
                assertThat(camera.submit(() -> publish(file, url)).get(60, TimeUnit.SECONDS)).isGreaterThan(3);
                Thread.sleep(10_000);
                assertThat(camera.submit(() -> publish(file, url)).get(60, TimeUnit.SECONDS)).isGreaterThan(3);
                Thread.sleep(500);
            }
            check(primary);
            check(backup);
        } finally {
            camera.shutdownNow();
        }
    }

    private static void check(RtmpReceiver receiver) {
        assertThat(receiver.sessions()).as(receiver.describe()).hasSize(1);
        RtmpReceiver.Session session = receiver.sessions().get(0);
        assertThat(session.error).isNull();
        long longestArrivalGap = 0;
        for (int i = 1; i < session.arrivalNanos.size(); i++) {
            longestArrivalGap = Math.max(longestArrivalGap, session.arrivalNanos.get(i) - session.arrivalNanos.get(i - 1));
        }
        assertThat(longestArrivalGap / 1_000_000).as("longest wait between two pictures (ms)").isLessThan(500);
        // Continuous through the slate: no jump; a loaded machine may drop a few pictures to keep up (33 ms each).
        assertThat(session.longestGapMillis()).as("longest step between two timestamps (ms)").isLessThanOrEqualTo(200);
        List<Boolean> slate = session.pictureLuma.stream().map(luma -> Math.abs(luma - SLATE_LUMA) < 12).toList();
        long slatePictures = slate.stream().filter(b -> b).count();
        assertThat(slatePictures).as("slate pictures in 10 s at 30 fps").isGreaterThan(8 * 30);
        assertThat(slate.subList(slate.size() - 30, slate.size())).as("the source's pictures are back").containsOnly(false);
        assertThat(session.pictures()).as("pictures over about 18 s").isGreaterThan(16 * 30);
    }

    private static double publish(Path file, String url) {
        try (PacedPublisher publisher = new PacedPublisher()) {
            return publisher.publish(file.toString(), "mpegts", url, Map.of("listen", "1", "listen_timeout", "30000"), 5);
        }
    }
}
