package io.fleetcast.control.ui;

import io.fleetcast.bridge.broadcast.Pipeline;
import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.bridge.broadcast.RunSettings;
import io.fleetcast.bridge.broadcast.SlateSettings;
import io.fleetcast.bridge.encoder.EncoderOptions;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.HlsSettings;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.bridge.ingest.InputSettings;
import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.media.log.FfmpegLog;
import io.fleetcast.media.source.SyntheticSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A playroom broadcast made the way the bridge makes it: a generated source (test pattern and
 * tone) through the bridge's own pipeline into an HLS ladder of two rungs on disk.
 */
final class GeneratedBroadcast {
    static final String LADDER = "360p:800k,240p:400k";
    /** The rungs' picture sizes, as the bridge plans them for a 640x360 source. */
    static final List<String> SIZES = List.of("640x360", "426x240");

    private GeneratedBroadcast() {
    }

    /** Writes {@code dir/master.m3u8} and the rungs' playlists and segments; returns the directory. */
    static Path write(Path dir) throws IOException, InterruptedException {
        try (FfmpegLog log = new FfmpegLog(System.getLogger("ffmpeg"), System.Logger.Level.WARNING)) {
            return encode(dir);
        }
    }

    private static Path encode(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path source = dir.resolve("source.ts");
        new SyntheticSource(640, 360, 30, 12, true, 1_500_000, "ultrafast").writeTo(source);
        Path hls = dir.resolve("hls");
        InputSettings input = new InputSettings(source.toString(), Duration.ofSeconds(5),
                InputSettings.DEFAULT_PROBE_SIZE, InputSettings.DEFAULT_ANALYZE_MICROS, Duration.ofMillis(200),
                Duration.ofSeconds(1));
        RunSettings run = new RunSettings(new Ladder(Rung.parseAll(LADDER), 0), "libx264",
                new EncoderOptions("ultrafast", "p4"), 0, 2.0, 128_000, 0, true);
        HlsOutput output = new HlsOutput(new LocalDirectory(hls), hls.resolve(".staging"), new HlsSettings(2.0, 0));
        try (Pipeline pipeline = new Pipeline(input, run, new SlateSettings(SlateSettings.DEFAULT_AFTER, null),
                List.of(output), null, null, VideoPath.inMemory("libx264", "generated broadcast"), Duration.ofSeconds(60))
                .start()) {
            if (!pipeline.awaitEnd(Duration.ofMinutes(2))) {
                throw new AssertionError("the bridge pipeline did not finish the generated source in 2 minutes");
            }
            if (pipeline.failure() != null) {
                throw new AssertionError("the bridge pipeline failed", pipeline.failure());
            }
        }
        return hls;
    }
}
