package io.fleetcast.bridge.broadcast;

import io.fleetcast.bridge.encoder.EncoderOptions;
import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.HlsSettings;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.bridge.ingest.InputSettings;
import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.media.log.FfmpegLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Builds pipelines for tests: libx264 ultrafast keeps the suite quick; everything else as in production. */
final class Broadcasts {
    /** FFmpeg's chatter (x264 statistics) goes to the test log at warning level, not stderr. */
    private static final FfmpegLog FFMPEG_LOG = new FfmpegLog(System.getLogger("ffmpeg"), System.Logger.Level.WARNING);

    static final SlateSettings SLATE = new SlateSettings(SlateSettings.DEFAULT_AFTER, null);

    private Broadcasts() {
    }

    static InputSettings input(String url) {
        return new InputSettings(url, Duration.ofSeconds(5), InputSettings.DEFAULT_PROBE_SIZE,
                InputSettings.DEFAULT_ANALYZE_MICROS, Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    static RunSettings run(String ladder) {
        return new RunSettings(new Ladder(Rung.parseAll(ladder), 0), "libx264",
                new EncoderOptions("ultrafast", "p4"), 0, 2.0, 128_000, 0, true);
    }

    static Pipeline pipeline(String url, String ladder, Path hls, int listSize) {
        LocalDirectory directory = new LocalDirectory(hls);
        HlsOutput output = new HlsOutput(directory, hls.resolve(".staging"), new HlsSettings(2.0, listSize));
        return new Pipeline(input(url), run(ladder), SLATE, List.of(output), null, null,
                VideoPath.inMemory("libx264", "test"), Duration.ofSeconds(60));
    }
}
