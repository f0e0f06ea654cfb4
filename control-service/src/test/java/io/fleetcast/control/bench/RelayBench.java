package io.fleetcast.control.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command relay and state fan-out through two control-service instances (separate JVMs) and one
 * Redis, then through the reference fan-out ({@link ReferenceFanOut}, the practical floor) and
 * through Helidon's WebSocket server alone ({@link HelidonFanOut}, the floor of the server
 * Fleetcast keeps) with the same generator and frames. Prints a table, then one JSON line; with
 * {@code --sweep} it measures a row of sizes and ends with the curve, one JSON line per size.
 */
public final class RelayBench {

    private static final int[][] SWEEP = {{50, 500}, {100, 1000}, {200, 2000}, {500, 5000},
        {1000, 10_000}};

    private RelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 15);
        int maxWarmup = Integer.getInteger("bench.maxWarmup", 120);
        int seconds = Integer.getInteger("bench.seconds", 10);
        boolean sweep = args.length > 0 && args[0].equals("--sweep");
        int[][] sizes = sweep ? SWEEP : new int[][] {{
            args.length > 0 ? Integer.parseInt(args[0]) : 1000,
            args.length > 1 ? Integer.parseInt(args[1]) : 10_000}};
        List<LoadResult[]> curve = new ArrayList<>();
        for (int[] size : sizes) {
            LoadResult fleetcast;
            try (BenchServers servers = BenchServers.fleetcast(size[0])) {
                fleetcast = RelayLoad.run(servers, size[0], size[1], warmup, maxWarmup, seconds);
            }
            LoadResult reference;
            try (BenchServers servers = BenchServers.reference()) {
                reference = RelayLoad.run(servers, size[0], size[1], warmup, maxWarmup, seconds);
            }
            LoadResult helidon;
            try (BenchServers servers = BenchServers.helidon()) {
                helidon = RelayLoad.run(servers, size[0], size[1], warmup, maxWarmup, seconds);
            }
            table(fleetcast, reference, helidon);
            System.out.println(json(fleetcast, reference, helidon));
            curve.add(new LoadResult[] {fleetcast, reference, helidon});
        }
        if (sweep) {
            System.out.println();
            System.out.printf(Locale.ROOT, "%-12s %-24s %-24s %-10s %-10s %-10s %-6s %-11s %s%n",
                    "R / V", "command p99 ms (ref)", "state p99 ms (ref)", "µs/frame",
                    "ref", "helidon", "ratio", "helidon/ref", "delivered (ref, helidon)");
            for (LoadResult[] row : curve) {
                LoadResult f = row[0];
                LoadResult r = row[1];
                LoadResult h = row[2];
                System.out.printf(Locale.ROOT, "%-12s %-24s %-24s %-10s %-10s %-10s %-6s %-11s %s%n",
                        f.robots() + " / " + f.viewers(),
                        fmt(f.commandP99Ms()) + " (" + fmt(r.commandP99Ms()) + ")",
                        fmt(f.stateP99Ms()) + " (" + fmt(r.stateP99Ms()) + ")",
                        fmt(f.cpuUsPerFrame()), fmt(r.cpuUsPerFrame()), fmt(h.cpuUsPerFrame()),
                        fmt(f.cpuUsPerFrame() / r.cpuUsPerFrame()),
                        fmt(h.cpuUsPerFrame() / r.cpuUsPerFrame()),
                        delivered(f) + " (" + delivered(r) + ", " + delivered(h) + ")");
            }
        }
        System.exit(0);
    }

    private static void table(LoadResult f, LoadResult r, LoadResult h) {
        String[][] rows = {
            {"robots / viewers / sockets", f.robots() + " / " + f.viewers() + " / "
                    + (2 * f.robots() + f.viewers())},
            {"connect time (reference)", fmt(f.connectSeconds()) + " s (" + fmt(r.connectSeconds())
                    + " s)"},
            {"warm-up (reference)", fmt(f.warmupSeconds()) + " s (" + fmt(r.warmupSeconds())
                    + " s), until the JIT went quiet"},
            {"measured", f.seconds() + " s after warm-up, each"},
            {"commands sent / relayed", f.commandsSent() + " / " + f.commandsRelayed()},
            {"command p50 / p99 / p99.9", fmt(f.commandP50Ms()) + " / " + fmt(f.commandP99Ms())
                    + " / " + fmt(f.commandP999Ms()) + " ms"},
            {"states sent / delivered (expected)", f.statesSent() + " / " + f.statesDelivered()
                    + " (" + f.statesExpected() + ")"},
            {"state fan-out p50 / p99 / p99.9", fmt(f.stateP50Ms()) + " / " + fmt(f.stateP99Ms())
                    + " / " + fmt(f.stateP999Ms()) + " ms"},
            {"sends skipped (socket busy)", Long.toString(f.skippedSends())},
            {"instance CPU", fmt(f.cores()) + " cores, " + fmt(f.cpuUsPerFrame()) + " µs/frame"},
            {"reference commands / states", r.commandsRelayed() + " / " + r.statesDelivered()
                    + " (" + r.statesExpected() + ")"},
            {"reference command / state p99", fmt(r.commandP99Ms()) + " / " + fmt(r.stateP99Ms())
                    + " ms"},
            {"reference CPU", fmt(r.cores()) + " cores, " + fmt(r.cpuUsPerFrame()) + " µs/frame"},
            {"ratio to reference", fmt(f.cpuUsPerFrame() / r.cpuUsPerFrame())},
            {"helidon alone: commands / states", h.commandsRelayed() + " / " + h.statesDelivered()
                    + " (" + h.statesExpected() + ")"},
            {"helidon alone: command / state p99", fmt(h.commandP99Ms()) + " / "
                    + fmt(h.stateP99Ms()) + " ms"},
            {"helidon alone: CPU", fmt(h.cores()) + " cores, " + fmt(h.cpuUsPerFrame())
                    + " µs/frame, " + fmt(h.cpuUsPerFrame() / r.cpuUsPerFrame())
                    + " x reference"},
            {"cores", Integer.toString(Runtime.getRuntime().availableProcessors())},
        };
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-36s %s%n", row[0], row[1]);
        }
    }

    private static String json(LoadResult f, LoadResult r, LoadResult h) {
        return String.format(Locale.ROOT, "{\"robots\":%d,\"viewers\":%d,\"instances\":2,"
                        + "\"commandP50Ms\":%s,\"commandP99Ms\":%s,\"stateP50Ms\":%s,"
                        + "\"stateP99Ms\":%s,\"commandsRelayed\":%d,\"commandsSent\":%d,"
                        + "\"statesDelivered\":%d,\"statesExpected\":%d,\"skippedSends\":%d,"
                        + "\"seconds\":%d,\"warmupSeconds\":%s,\"referenceWarmupSeconds\":%s,"
                        + "\"cores\":%d,\"cpuUsPerFrame\":%s,"
                        + "\"referenceCpuUsPerFrame\":%s,\"ratioToReference\":%s,"
                        + "\"referenceCommandP99Ms\":%s,\"referenceStateP99Ms\":%s,"
                        + "\"referenceStatesDelivered\":%d,\"referenceCommandsRelayed\":%d,"
                        + "\"helidonCpuUsPerFrame\":%s,\"helidonRatioToReference\":%s,"
                        + "\"ratioToHelidon\":%s,\"helidonCommandP99Ms\":%s,\"helidonStateP99Ms\":%s,"
                        + "\"helidonStatesDelivered\":%d,\"helidonCommandsRelayed\":%d}",
                f.robots(), f.viewers(), fmt(f.commandP50Ms()), fmt(f.commandP99Ms()),
                fmt(f.stateP50Ms()), fmt(f.stateP99Ms()), f.commandsRelayed(), f.commandsSent(),
                f.statesDelivered(), f.statesExpected(), f.skippedSends(), f.seconds(),
                fmt(f.warmupSeconds()), fmt(r.warmupSeconds()),
                Runtime.getRuntime().availableProcessors(), fmt(f.cpuUsPerFrame()),
                fmt(r.cpuUsPerFrame()), fmt(f.cpuUsPerFrame() / r.cpuUsPerFrame()),
                fmt(r.commandP99Ms()), fmt(r.stateP99Ms()), r.statesDelivered(),
                r.commandsRelayed(), fmt(h.cpuUsPerFrame()),
                fmt(h.cpuUsPerFrame() / r.cpuUsPerFrame()), fmt(f.cpuUsPerFrame() / h.cpuUsPerFrame()),
                fmt(h.commandP99Ms()), fmt(h.stateP99Ms()), h.statesDelivered(), h.commandsRelayed());
    }

    /** Share of what the generator sent that arrived. */
    private static String delivered(LoadResult result) {
        long whole = result.commandsSent() + result.statesExpected();
        return whole == 0 ? "-"
                : String.format(Locale.ROOT, "%.1f %%", 100.0 * result.delivered() / whole);
    }

    private static String fmt(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null"
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
