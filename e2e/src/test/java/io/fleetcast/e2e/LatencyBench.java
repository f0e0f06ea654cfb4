package io.fleetcast.e2e;

import io.fleetcast.stack.ControlApi;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Helper of {@code e2e/bench/latency}: starts the whole {@link Stack} as real processes, lets it
 * settle, measures {@link Latency} for the given seconds and prints the figures, then one JSON
 * line with the targets' verdict.
 */
public final class LatencyBench {
    private LatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args.length > 0 ? args[0] : "20");
        Path dir = Files.createTempDirectory("fleetcast-latency");
        System.err.println("starting the stack in " + dir + " (logs in " + dir.resolve("logs") + ") ...");
        Latency.Figures figures;
        try (Stack stack = new Stack(dir)) {
            stack.awaitPlayroomLive(java.time.Duration.ofSeconds(90));
            Thread.sleep(3000);
            System.err.println("measuring for " + seconds + " s ...");
            figures = Latency.measure(stack, "360p", seconds, 200);
        }
        long segmentMs = (long) (Stack.SEGMENT_SECONDS * 1000);
        long command = Percentiles.of(figures.commandToRobot(), 95);
        long bridge = Percentiles.of(figures.captureToBridge(), 95);
        long hls = Percentiles.of(figures.captureToHls(), 95);
        boolean met = command <= 50 && bridge <= 500 && hls <= 2 * segmentMs + 1000;
        System.out.println(figures.describe());
        System.out.printf(Locale.ROOT, "targets: command p95 <= 50 ms, capture -> bridge p95 <= 500 ms, capture -> HLS"
                + " p95 <= %d ms (2 x %d ms segments + 1 s): %s%n", 2 * segmentMs + 1000, segmentMs,
                met ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "{\"seconds\":%d,\"segmentMs\":%d,\"captureToHlsMsP50\":%d,\"captureToHlsMsP95\":%d,"
                        + "\"captureToBridgeMsP50\":%d,\"captureToBridgeMsP95\":%d,\"commandToRobotMsP50\":%d,"
                        + "\"commandToRobotMsP95\":%d,\"targetsMet\":%b,\"cores\":%d}%n", seconds, segmentMs,
                Percentiles.of(figures.captureToHls(), 50), hls, Percentiles.of(figures.captureToBridge(), 50),
                bridge, Percentiles.of(figures.commandToRobot(), 50), command, met,
                Runtime.getRuntime().availableProcessors());
    }
}
