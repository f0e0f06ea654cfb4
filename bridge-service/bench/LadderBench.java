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
import io.fleetcast.bridge.ladder.LadderGraph;
import io.fleetcast.bridge.ladder.Rung;
import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.media.Rational;
import io.fleetcast.media.log.FfmpegLog;
import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Helper of bench/ladder: generates the source, prints the ffmpeg path and the exact ladder
 * the bridge will run (so the command line gets the same one), and measures the time from a
 * paced live input's start to the first complete segment of every rung.
 */
public class LadderBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ffmpeg-path" -> System.out.println(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            case "generate" -> new SyntheticSource(1920, 1080, 30, Double.parseDouble(args[2]), true, 8_000_000,
                    "veryfast").writeTo(Path.of(args[1]));
            case "cli-args" -> cliArgs(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]);
            case "first-segment" -> firstSegment(Path.of(args[1]), Path.of(args[2]), args[3]);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /**
     * The filter graph, the x264 options (the bridge's {@code x264-params} and its threads per
     * rung) and the per-rung options the bridge uses for a source of this size.
     */
    private static void cliArgs(int width, int height, String preset) {
        List<RungPlan> plans = new Ladder(Rung.parseAll(Ladder.DEFAULT), 0)
                .plan(width, height, new Rational(1, 1), new Rational(30, 1));
        System.out.println(LadderGraph.fromSource(plans, false, null).replace("[in0]", "[0:v]"));
        RunSettings settings = new RunSettings(new Ladder(Rung.parseAll(Ladder.DEFAULT), 0), "libx264",
                new EncoderOptions(preset, "p4"), 0, 2.0, 128_000, 0, true);
        Map<String, String> x264 = settings.encoderOptions().forRung("libx264", plans.get(0));
        System.out.println(x264.get("x264-params") + " "
                + settings.threadsPerRung(plans.size(), Runtime.getRuntime().availableProcessors()));
        for (RungPlan plan : plans) {
            System.out.println(plan.name() + " " + plan.profile() + " " + plan.bitRate() + " " + plan.maxRate() + " "
                    + plan.bufferSize());
        }
    }

    private static void firstSegment(Path source, Path dir, String preset) throws Exception {
        try (FfmpegLog log = new FfmpegLog(System.getLogger("ffmpeg"), System.Logger.Level.ERROR)) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String url = "tcp://127.0.0.1:" + port;
            Path hls = dir.resolve("live");
            deleteTree(hls);
            LocalDirectory directory = new LocalDirectory(hls);
            HlsOutput output = new HlsOutput(directory, hls.resolve(".staging"), new HlsSettings(2.0, 6));
            InputSettings input = new InputSettings(url, Duration.ofSeconds(10),
                    Integer.getInteger("probe", InputSettings.DEFAULT_PROBE_SIZE),
                    Integer.getInteger("analyze", InputSettings.DEFAULT_ANALYZE_MICROS),
                    Duration.ofMillis(20), Duration.ofMillis(200));
            RunSettings run = new RunSettings(new Ladder(Rung.parseAll(Ladder.DEFAULT), 0), "libx264",
                    new EncoderOptions(preset, "p4"), 0, 2.0, 128_000, 0, true);
            PacedPublisher publisher = new PacedPublisher();
            Thread camera = Thread.ofPlatform().start(() -> publisher.publish(source.toString(), "mpegts", url,
                    Map.of("listen", "1", "listen_timeout", "20000"), 8.0));
            try (Pipeline pipeline = new Pipeline(input, run, new SlateSettings(SlateSettings.DEFAULT_AFTER, null), List.of(output), null, null,
                    VideoPath.inMemory("libx264", "bench"), Duration.ofSeconds(60))) {
                pipeline.start();
                List<String> rungs = List.of("1080p", "720p", "480p");
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline && !rungs.stream().allMatch(r -> hasSegment(hls, r))) {
                    Thread.sleep(5);
                }
                long done = System.nanoTime();
                boolean ok = publisher.startedNanos() > 0 && rungs.stream().allMatch(r -> hasSegment(hls, r));
                double seconds = ok ? (done - publisher.startedNanos()) / 1e9 : -1;
                System.out.println(String.format(Locale.ROOT, "%.3f", seconds));
            } finally {
                publisher.close();
                camera.join(5_000);
            }
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static boolean hasSegment(Path hls, String rung) {
        Path playlist = hls.resolve(rung).resolve("index.m3u8");
        try {
            return Files.exists(playlist) && Files.readString(playlist).contains(".ts");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
