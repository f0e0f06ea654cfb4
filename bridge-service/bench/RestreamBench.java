import io.fleetcast.bridge.bench.ArrivalReceiver;
import io.fleetcast.bridge.bench.PlaylistWatch;
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
import io.fleetcast.bridge.restream.RestreamOutput;
import io.fleetcast.bridge.restream.RestreamSettings;
import io.fleetcast.media.log.FfmpegLog;
import io.fleetcast.media.retry.Backoff;
import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Helper of bench/restream: the same 60 s schedule twice in one JVM, (a) the ladder into HLS
 * alone and (b) the ladder into HLS plus a primary and a backup RTMP destination, the primary's
 * receiver killed at 20 s and back at 40 s, the source away from 30 to 35 s. Prints CPU per
 * content-second of each (the whole process, x264's threads being FFmpeg's own, less the
 * receivers' threads, which stand for the destinations), the longest gap each output saw, drops and reconnects;
 * JSON last.
 */
public class RestreamBench {
    private static final double SEGMENT = 2.0;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        Path source = work.resolve("source.ts");
        if (!Files.exists(source)) {
            System.err.println("generating a " + seconds / 2 + " s 1080p30 source ...");
            new SyntheticSource(1920, 1080, 30, seconds / 2.0, true, 8_000_000, "veryfast").writeTo(source);
        }
        try (FfmpegLog log = new FfmpegLog(System.getLogger("ffmpeg"), System.Logger.Level.ERROR)) {
            Map<String, Double> starts = new java.util.LinkedHashMap<>();
            try (io.fleetcast.bridge.gateway.NginxRtmp nginx = new io.fleetcast.bridge.gateway.NginxRtmp(work)) {
                starts.put("rtmp", start(work.resolve("start-rtmp"), source, nginx.url("playroom"), nginx.url("playroom"),
                        "flv", Map.of()));
            }
            int srt = freePort();
            starts.put("srt", start(work.resolve("start-srt"), source, "srt://127.0.0.1:" + srt + "?mode=caller",
                    "srt://127.0.0.1:" + srt + "?mode=listener", "mpegts", Map.of()));
            int tcp = freePort();
            starts.put("tcp", start(work.resolve("start-tcp"), source, "tcp://127.0.0.1:" + tcp,
                    "tcp://127.0.0.1:" + tcp, "mpegts", Map.of("listen", "1", "listen_timeout", "20000")));
            System.out.printf(Locale.ROOT, "first segment of every rung after the publisher starts (bridge waiting): %s s%n",
                    starts);
            Result ladder = run(work.resolve("ladder"), source, seconds, false, log);
            Result restream = run(work.resolve("restream"), source, seconds, true, log);
            double ratio = restream.cpuPerContentSecond / ladder.cpuPerContentSecond;
            System.out.printf(Locale.ROOT, "%-22s %12s %12s%n", "", "ladder only", "with restream");
            System.out.printf(Locale.ROOT, "%-22s %12.3f %12.3f%n", "cpu-s / content-s", ladder.cpuPerContentSecond,
                    restream.cpuPerContentSecond);
            System.out.printf(Locale.ROOT, "%-22s %12d %12d%n", "max gap HLS (ms)", ladder.hlsGapMs, restream.hlsGapMs);
            System.out.printf(Locale.ROOT, "max gap primary %d ms (killed 20-40 s), backup %d ms; reconnects %d; "
                            + "drops primary %d, backup %d, HLS %d; slate pictures %d, held %d%n",
                    restream.primaryGapMs, restream.backupGapMs, restream.reconnects, restream.primaryDrops,
                    restream.backupDrops, restream.hlsDrops, restream.slate, restream.held);
            boolean met = ratio <= 1.10 && restream.backupGapMs <= 200 && restream.hlsGapMs <= 200;
            System.out.printf(Locale.ROOT, "cpu ratio %.3f (target <= 1.10), backup gap %d ms, HLS gap %d ms "
                    + "(target <= 200 ms): %s%n", ratio, restream.backupGapMs, restream.hlsGapMs,
                    met ? "targets met" : "targets NOT met");
            System.out.printf(Locale.ROOT, "{\"seconds\":%d,\"cpuRatioVsLadder\":%.3f,\"ladderCpuPerContentSecond\":%.3f,"
                            + "\"restreamCpuPerContentSecond\":%.3f,\"maxGapMsPrimary\":%d,\"maxGapMsBackup\":%d,"
                            + "\"maxGapMsHls\":%d,\"maxGapMsHlsLadderOnly\":%d,\"reconnects\":%d,\"dropsPrimary\":%d,"
                            + "\"dropsBackup\":%d,\"dropsHls\":%d,\"slatePictures\":%d,\"heldPictures\":%d,"
                            + "\"startSecondsRtmp\":%.2f,\"startSecondsSrt\":%.2f,\"startSecondsTcp\":%.2f,"
                            + "\"targetsMet\":%b,\"cores\":%d}%n",
                    seconds, ratio, ladder.cpuPerContentSecond, restream.cpuPerContentSecond, restream.primaryGapMs,
                    restream.backupGapMs, restream.hlsGapMs, ladder.hlsGapMs, restream.reconnects, restream.primaryDrops,
                    restream.backupDrops, restream.hlsDrops, restream.slate, restream.held, starts.get("rtmp"),
                    starts.get("srt"), starts.get("tcp"), met,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private record Result(double cpuPerContentSecond, long hlsGapMs, long primaryGapMs, long backupGapMs,
                          long reconnects, long primaryDrops, long backupDrops, long hlsDrops, long slate, long held) {
    }

    private static Result run(Path dir, Path source, int seconds, boolean restream, FfmpegLog log) throws Exception {
        int input = freePort();
        String url = "tcp://127.0.0.1:" + input;
        LocalDirectory directory = new LocalDirectory(dir.resolve("hls"));
        List<Output> outputs = new ArrayList<>();
        outputs.add(new HlsOutput(directory, dir.resolve("hls/.staging"), new HlsSettings(SEGMENT, 6)));
        int primaryPort = freePort();
        int backupPort = freePort();
        RestreamOutput primary = null;
        RestreamOutput backup = null;
        if (restream) {
            primary = destination("primary", primaryPort, log);
            backup = destination("backup", backupPort, log);
            outputs.add(primary);
            outputs.add(backup);
        }
        RunSettings settings = new RunSettings(new Ladder(Rung.parseAll(Ladder.DEFAULT), 0), "libx264",
                new EncoderOptions("veryfast", "p4"), 0, 2.0, 128_000, 0, true);
        InputSettings in = new InputSettings(url, Duration.ofSeconds(5), InputSettings.DEFAULT_PROBE_SIZE,
                InputSettings.DEFAULT_ANALYZE_MICROS, Duration.ofMillis(100), Duration.ofMillis(500));
        ArrivalReceiver primaryReceiver = restream ? new ArrivalReceiver(primaryPort) : null;
        ArrivalReceiver backupReceiver = restream ? new ArrivalReceiver(backupPort) : null;
        PlaylistWatch hls = new PlaylistWatch(dir.resolve("hls/1080p/index.m3u8"));
        var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = bean.getProcessCpuTime();
        long start = System.nanoTime();
        Thread camera = Thread.ofPlatform().start(() -> {
            publish(source, url, 30);
            pauseUntil(start, 35);
            publish(source, url, seconds - 35);
        });
        try (Pipeline pipeline = new Pipeline(in, settings, new SlateSettings(SlateSettings.DEFAULT_AFTER, null),
                outputs, null, null, VideoPath.inMemory("libx264", "bench"), Duration.ofSeconds(60))) {
            pipeline.start();
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                double at = (System.nanoTime() - start) / 1e9;
                if (restream && at >= 20 && at < 40 && primaryReceiver.running()) {
                    primaryReceiver.close();
                } else if (restream && at >= 40 && !primaryReceiver.running()) {
                    primaryReceiver = new ArrivalReceiver(primaryPort, primaryReceiver);
                }
                hls.poll();
                Thread.sleep(10);
            }
            camera.join();
            long receivers = 0;
            if (restream) {
                primaryReceiver.close();
                backupReceiver.close();
                receivers = primaryReceiver.cpuNanos() + backupReceiver.cpuNanos();
            }
            long cpu = bean.getProcessCpuTime() - cpuStart - receivers;
            var metrics = pipeline.metrics();
            Map<String, Long> drops = metrics.outputDrops();
            double content = (System.nanoTime() - start) / 1e9;
            Result result = new Result(cpu / 1e9 / content, hls.maxGapMs(SEGMENT),
                    restream ? primaryReceiver.maxGapMs() : 0, restream ? backupReceiver.maxGapMs() : 0,
                    restream ? primary.status().reconnects() + backup.status().reconnects() : 0,
                    restream ? drops.getOrDefault(primary.toString(), 0L) : 0,
                    restream ? drops.getOrDefault(backup.toString(), 0L) : 0,
                    drops.getOrDefault(outputs.get(0).toString(), 0L), metrics.slatePictures(), metrics.heldPictures());
            if (restream) {
                System.out.printf(Locale.ROOT, "longest gaps ended at %.1f s (primary) and %.1f s (backup); backup gaps "
                                + "over 100 ms ended at %s; pictures dropped (encoders behind) %d%n",
                        primaryReceiver.maxGapAtSeconds(start), backupReceiver.maxGapAtSeconds(start),
                        backupReceiver.longGaps(start), metrics.droppedFrames());
                System.out.printf(Locale.ROOT, "the receivers' own reading (left out of the CPU figure): %.3f cpu-s%n",
                        receivers / 1e9);
            }
            return result;
        }
    }

    /**
     * Seconds from a publisher's start to the first segment of every rung, the bridge already
     * waiting for it on {@code input}.
     */
    private static double start(Path dir, Path source, String input, String publish, String format,
                                Map<String, String> options) throws Exception {
        LocalDirectory directory = new LocalDirectory(dir.resolve("hls"));
        InputSettings in = new InputSettings(input, Duration.ofSeconds(5), InputSettings.DEFAULT_PROBE_SIZE,
                InputSettings.DEFAULT_ANALYZE_MICROS, Duration.ofMillis(20), Duration.ofMillis(100));
        RunSettings settings = new RunSettings(new Ladder(Rung.parseAll(Ladder.DEFAULT), 0), "libx264",
                new EncoderOptions("veryfast", "p4"), 0, 2.0, 128_000, 0, true);
        try (Pipeline pipeline = new Pipeline(in, settings, new SlateSettings(SlateSettings.DEFAULT_AFTER, null),
                List.of(new HlsOutput(directory, dir.resolve("hls/.staging"), new HlsSettings(SEGMENT, 6))), null, null,
                VideoPath.inMemory("libx264", "bench"), Duration.ofSeconds(60))) {
            pipeline.start();
            Thread.sleep(1000);
            PacedPublisher publisher = new PacedPublisher();
            long started = System.nanoTime();
            Thread camera = Thread.ofPlatform().start(() -> publisher.publish(source.toString(), format, publish, options, 8));
            List<Path> firsts = List.of("1080p", "720p", "480p").stream()
                    .map(rung -> dir.resolve("hls/" + rung + "/index.m3u8")).toList();
            while (!firsts.stream().allMatch(Files::exists) && System.nanoTime() - started < 20_000_000_000L) {
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            publisher.close();
            camera.join();
            return seconds;
        }
    }

    private static RestreamOutput destination(String name, int port, FfmpegLog log) {
        return new RestreamOutput(RestreamSettings.of(name, "rtmp://127.0.0.1:" + port + "/live", "bench-" + name, null,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(4)), Duration.ofSeconds(2), Duration.ofSeconds(5),
                null), log);
    }

    private static void publish(Path source, String url, double seconds) {
        try (PacedPublisher publisher = new PacedPublisher()) {
            publisher.publish(source.toString(), "mpegts", url, Map.of("listen", "1", "listen_timeout", "20000"), seconds);
        }
    }

    private static void pauseUntil(long start, double second) {
        long until = start + (long) (second * 1e9);
        while (System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
