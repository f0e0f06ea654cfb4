package io.fleetcast.observer.bench;

import io.fleetcast.media.retry.Backoff;
import io.fleetcast.observer.camera.CameraSpec;
import io.fleetcast.observer.camera.SyntheticCamera;
import io.fleetcast.observer.encode.LiveCodecs;
import io.fleetcast.observer.link.ShapingProxy;
import io.fleetcast.observer.push.PushTarget;
import io.fleetcast.observer.scene.Pose;
import io.fleetcast.observer.stream.LiveController;
import io.fleetcast.observer.stream.RobotStream;
import io.fleetcast.observer.stream.StreamSettings;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityController;
import io.fleetcast.quality.simulation.LinkModel;
import io.fleetcast.quality.simulation.Oracle;
import io.fleetcast.quality.simulation.Report;
import io.fleetcast.quality.simulation.Simulator;
import io.fleetcast.quality.trace.Trace;
import io.fleetcast.quality.trace.TraceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays each network trace through a shaping TCP proxy between the real observer stream
 * (synthetic 1080p30 scene, the live encoder, RTMP through FFmpeg, the uplink meter and the
 * quality controller) and a listening FFmpeg. Per trace: delivered video bitrate / oracle
 * (mean over 1 s windows of min(4.5 Mbit/s, capacity), the simulator's oracle), the share of
 * pictures more than 1 s late or never delivered, and state switches per minute; the
 * simulator's ratio on the same stretch of trace beside it. A JSON line per trace, then a
 * summary JSON line.
 *
 * <p>Arguments: trace directory (default ../shared/traces), seconds per trace (default 30).
 */
public final class UplinkBench {
    /** The observer's default (MAX_DELAY_MS). */
    private static final long MAX_DELAY_MS = 700;
    private UplinkBench() {
    }

    public static void main(String[] args) throws Exception {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/traces");
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        if (!Files.isDirectory(dir)) {
            System.err.println("uplink bench: no trace directory " + dir.toAbsolutePath()
                    + " (pass one: robot-observer/bench/uplink DIR [SECONDS])");
            System.exit(2);
        }
        List<Trace> traces = TraceReader.readAll(dir);
        if (traces.isEmpty()) {
            System.err.println("uplink bench: no traces in " + dir.toAbsolutePath());
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "%d traces, %d s each, synthetic 1080p30 scene, libx264 veryfast, RTMP through a shaping proxy, start %s at %d kbit/s%n",
                traces.size(), seconds, LiveController.START_STATE, LiveController.START_BPS / 1000);
        System.out.printf(Locale.ROOT, "%-28s %-9s %9s %9s %7s %9s %8s %9s %7s %9s %9s %8s%n", "trace", "kind", "oracle", "delivered",
                "ratio", "late/lost", "stalled", "switch/m", "sim", "sim late", "encoded", "skipped");
        double sum = 0;
        double worst = Double.MAX_VALUE;
        double worstLate = 0;
        long lateOrLost = 0;
        long encoded = 0;
        for (Trace trace : traces) {
            Result result = run(trace, seconds * 1000);
            sum += result.ratio;
            worst = Math.min(worst, result.ratio);
            worstLate = Math.max(worstLate, result.lateOrLost);
            lateOrLost += Math.round(result.lateOrLost * result.encoded);
            encoded += result.encoded;
            System.out.printf(Locale.ROOT, "%-28s %-9s %9.2f %9.2f %7.3f %8.2f%% %7.2f%% %9.2f %7.3f %8.2f%% %9d %7.2f%%%n",
                    trace.name(), trace.kind().id(), result.oracleBps / 1e6, result.deliveredBps / 1e6, result.ratio,
                    result.lateOrLost * 100, result.stalled * 100, result.switchesPerMinute, result.simulator.ratio(),
                    simulatorLateOrLost(result.simulator) * 100, result.encoded, result.skipped * 100);
            System.out.println(String.format(Locale.ROOT, "{\"trace\":\"%s\",\"kind\":\"%s\",\"seconds\":%d,"
                            + "\"oracleMbps\":%.3f,\"deliveredMbps\":%.3f,\"ratio\":%.3f,\"lateOrLostShare\":%.4f,"
                            + "\"lateShare\":%.4f,\"lostShare\":%.4f,\"stalledShare\":%.4f,\"switchesPerMin\":%.2f,"
                            + "\"simulatorRatio\":%.3f,\"simulatorLateOrLostShare\":%.4f,\"pictures\":%d,\"skippedShare\":%.4f}",
                    trace.name(), trace.kind().id(), seconds, result.oracleBps / 1e6, result.deliveredBps / 1e6,
                    result.ratio, result.lateOrLost, result.late, result.lost, result.stalled, result.switchesPerMinute,
                    result.simulator.ratio(), simulatorLateOrLost(result.simulator), result.encoded, result.skipped));
        }
        double mean = sum / traces.size();
        double share = encoded == 0 ? 1 : lateOrLost / (double) encoded;
        boolean met = mean >= 0.85 && share <= 0.02;
        System.out.printf(Locale.ROOT, "mean ratio %.3f (target >= 0.85), worst ratio %.3f; pictures late or lost %.2f%% of all"
                        + " (target <= 2%%), worst trace %.2f%%: %s%n",
                mean, worst, share * 100, worstLate * 100, met ? "targets met" : "targets NOT met");
        System.out.printf(Locale.ROOT, "{\"traces\":%d,\"secondsPerTrace\":%d,\"meanRatio\":%.3f,\"worstRatio\":%.3f,"
                + "\"lateOrLostShare\":%.4f,\"worstLateOrLostShare\":%.4f,\"targetsMet\":%b,\"cores\":%d}%n", traces.size(),
                seconds, mean, worst, share, worstLate, met, Runtime.getRuntime().availableProcessors());
    }

    /** The simulator's share of encoded bytes delivered more than 1 s late, dropped as stale or lost. */
    private static double simulatorLateOrLost(Report report) {
        return Math.min(1, report.lateShare() + report.droppedShare() + report.lostShare());
    }

    /** @param encoded pictures encoded; @param skipped share of the pictures not encoded because the uplink was behind */
    private record Result(double oracleBps, double deliveredBps, double ratio, double lateOrLost, double late,
                          double lost, double stalled, double switchesPerMinute, Report simulator, long encoded,
                          double skipped) {
    }

    /**
     * The share of the time from which the link cannot carry even the lowest bitrate (150
     * kbit/s) within the next second: pictures taken then arrive late or not at all whatever
     * the sender does. The late-or-lost share is to be read against it.
     */
    static double stalledShare(Trace trace, long durationMs) {
        int stalled = 0;
        int steps = 0;
        for (long t = 0; t < durationMs; t += 100, steps++) {
            if (trace.capacityBits(t, t + 1000) < 150_000) {
                stalled++;
            }
        }
        return stalled / (double) steps;
    }

    private static Result run(Trace trace, long durationMs) throws Exception {
        int receiverPort = freePort();
        QualityController controller = LiveController.create(Limits.NONE);
        AtomicInteger switches = new AtomicInteger();
        controller.addListener((before, after) -> {
            if (before.state() != after.state()) {
                switches.incrementAndGet();
            }
        });
        LiveCodecs codecs = new LiveCodecs(List.of("libx264"), "veryfast");
        try (ShapingProxy proxy = new ShapingProxy(new InetSocketAddress("127.0.0.1", receiverPort), trace::bytesAt);
             SyntheticCamera camera = new SyntheticCamera(new CameraSpec.Synthetic(1920, 1080, 30), at -> Pose.ORIGIN, 0);
             RobotStream stream = new RobotStream(List.of(camera), controller, new StreamSettings(
                     PushTarget.of("rtmp://127.0.0.1:" + proxy.port(), "robot_1", "bench-key"), "libx264",
                     codecs.options("libx264"), 2.0, 0.5, Duration.ofMillis(MAX_DELAY_MS),
                     new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)), Duration.ofMillis(100)));
             PacketReceiver receiver = new PacketReceiver(receiverPort, stream.video().startEpochMillis())) {
            long until = System.currentTimeMillis() + 20_000;
            while (proxy.elapsedMillis() < 0 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            if (proxy.elapsedMillis() < 0) {
                throw new IllegalStateException("the observer never connected through the proxy");
            }
            long framesAtStart = stream.video().frames();
            long skippedAtStart = stream.video().skipped();
            switches.set(0);
            Thread.sleep(Math.max(0, durationMs - proxy.elapsedMillis()));
            long encoded = stream.video().frames() - framesAtStart;
            long skipped = stream.video().skipped() - skippedAtStart;
            long bytes = receiver.bytes();
            // Pictures still in flight at the end are neither late nor lost yet: give them a second.
            Thread.sleep(1000);
            long settledReceived = Math.min(encoded, receiver.pictures());
            double oracle = Oracle.meanBps(trace, durationMs);
            double delivered = bytes * 8.0 * 1000 / durationMs;
            double lost = encoded == 0 ? 1 : Math.max(0, encoded - settledReceived) / (double) encoded;
            double lateShare = encoded == 0 ? 0 : receiver.late() / (double) encoded;
            Report simulated = new Simulator(LinkModel.defaults()).run(trace, LiveController.algorithm(), durationMs, row -> { });
            return new Result(oracle, delivered, delivered / oracle, Math.min(1, lost + lateShare), lateShare, lost,
                    stalledShare(trace, durationMs), switches.get() * 60_000.0 / durationMs, simulated, encoded,
                    skipped / (double) Math.max(1, skipped + encoded));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
