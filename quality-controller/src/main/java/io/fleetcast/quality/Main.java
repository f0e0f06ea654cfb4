package io.fleetcast.quality;

import io.fleetcast.config.Args;
import io.fleetcast.config.UsageException;
import io.fleetcast.quality.baseline.FixedAlgorithm;
import io.fleetcast.quality.bench.Bench;
import io.fleetcast.quality.bench.BenchPrinter;
import io.fleetcast.quality.bench.Targets;
import io.fleetcast.quality.simulation.LinkModel;
import io.fleetcast.quality.simulation.Report;
import io.fleetcast.quality.simulation.Simulator;
import io.fleetcast.quality.simulation.TimelineRow;
import io.fleetcast.quality.trace.Trace;
import io.fleetcast.quality.trace.TraceFormatException;
import io.fleetcast.quality.trace.TraceReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code simulate} one trace or {@code bench} a directory of them. */
public final class Main {

    static final String DEFAULT_TRACES = "../shared/traces";

    private static final Set<String> SENDER_OPTIONS =
            Set.of("--drop-after-ms", "--buffer-bytes", "--sample-ms", "--rtt-ms");
    private static final String ROW = "%-24s %-14s %6s %6s %6s %6s %6s %6s %6s %6s %6s%n";
    private static final String USAGE = """
            usage: java -jar quality-controller.jar <command> [options]

              simulate [--controller NAME|all] [--duration-s N] [--timeline] TRACE...
                  replay trace files (mahimahi or pensieve, recognised by content) with one
                  controller: fleetcast (default), vvlive, belacoder, all three, or a fixed
                  state for reference (fixed-high, fixed-medium, fixed-low, fixed-very-low);
                  a table, then one JSON line per trace and controller; --timeline adds one
                  CSV row per second of every run
              bench [<trace-dir>]
                  every controller on every trace under the directory (default %s),
                  per-kind tables, one JSON line per run, and the verdict against the targets

            sender options (both commands):
              --drop-after-ms N|never   latency budget: queued data older than this is dropped (default 1000)
              --buffer-bytes N          drop-tail limit of the send queue (default 300000)
              --sample-ms N             controller sample interval (default 100)
              --rtt-ms N                base round-trip time of the path (default 40)
            """.formatted(DEFAULT_TRACES);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs a command; returns the exit status (0 done, 1 failed, 2 bad command line). */
    static int run(String[] args, PrintStream out) {
        try {
            if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
                out.print(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            return switch (args[0]) {
                case "simulate" -> simulate(Args.parse(rest, union(SENDER_OPTIONS, "--controller", "--duration-s"),
                        Set.of("--timeline")), out);
                case "bench" -> bench(Args.parse(rest, SENDER_OPTIONS, Set.of()), out);
                default -> throw new UsageException("unknown command " + args[0]);
            };
        } catch (UsageException e) {
            out.println("error: " + e.getMessage());
            out.print(USAGE);
            return 2;
        } catch (TraceFormatException | IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int simulate(Args args, PrintStream out) {
        if (args.positional().isEmpty()) {
            throw new UsageException("simulate needs at least one trace file");
        }
        LinkModel model = linkModel(args);
        List<Algorithm<?>> controllers = pick(args.option("--controller", "fleetcast"), model);
        long durationS = args.longOption("--duration-s", 0, 1);
        List<Trace> traces = args.positional().stream().map(f -> TraceReader.read(Path.of(f))).toList();
        Simulator simulator = new Simulator(model);
        out.println("sender: " + model.describe());
        out.printf(ROW, "trace", "controller", "oracle", "sent", "deliv", "ratio", "late%", "maxQms", "sw/min",
                "drop%", "loss%");
        List<String> json = new ArrayList<>();
        StringBuilder timelines = new StringBuilder();
        for (Trace trace : traces) {
            long durationMs = durationS > 0 ? durationS * 1000 : trace.durationMs();
            for (Algorithm<?> controller : controllers) {
                StringBuilder timeline = new StringBuilder();
                Report r = simulator.run(trace, controller, durationMs, row -> timeline.append(row.toCsv()).append('\n'));
                out.printf(Locale.ROOT, ROW, r.trace(), r.controller(), mbps(r.oracleBps()), mbps(r.sentBps()),
                        mbps(r.deliveredBps()), String.format(Locale.ROOT, "%.3f", r.ratio()),
                        String.format(Locale.ROOT, "%.2f", r.lateShare() * 100), r.maxDelayMs(),
                        String.format(Locale.ROOT, "%.2f", r.switchesPerMinute()),
                        String.format(Locale.ROOT, "%.2f", r.droppedShare() * 100),
                        String.format(Locale.ROOT, "%.2f", r.lostShare() * 100));
                json.add(r.toJson());
                timelines.append("# ").append(trace).append(", ").append(r.controller()).append('\n')
                        .append(TimelineRow.CSV_HEADER).append('\n').append(timeline);
            }
        }
        json.forEach(out::println);
        if (args.flag("--timeline")) {
            out.print(timelines);
        }
        return 0;
    }

    private static String mbps(double bps) {
        return String.format(Locale.ROOT, "%.3f", bps / 1e6);
    }

    private static int bench(Args args, PrintStream out) {
        if (args.positional().size() > 1) {
            throw new UsageException("bench takes at most one directory");
        }
        Path dir = Path.of(args.positional().isEmpty() ? DEFAULT_TRACES : args.positional().get(0));
        LinkModel model = linkModel(args);
        List<Trace> traces = TraceReader.readAll(dir);
        if (traces.isEmpty()) {
            throw new IllegalArgumentException("no traces under " + dir.toAbsolutePath().normalize());
        }
        Bench bench = new Bench(new Simulator(model), Bench.standardControllers(model));
        Targets targets = Targets.mission();
        out.printf("bench: %d traces under %s%n", traces.size(), dir);
        out.println("sender: " + model.describe());
        out.println("targets: " + targets.describe());
        out.println("oracle: mean over 1 s windows of min(4.5 Mbit/s, the window's mean capacity);"
                + " delivered = bits of complete frames (dropped or lost data is not delivered)");
        List<Report> reports = bench.run(traces);
        new BenchPrinter(out, targets).print(reports, bench.controllers().stream().map(Algorithm::name).toList());
        return 0;
    }

    private static LinkModel linkModel(Args args) {
        LinkModel model = LinkModel.defaults();
        String drop = args.option("--drop-after-ms", null);
        if ("never".equals(drop)) {
            model = model.withDropAfter(LinkModel.NEVER);
        } else if (drop != null) {
            model = model.withDropAfter(args.longOption("--drop-after-ms", 0, 1));
        }
        model = model.withBuffer(args.longOption("--buffer-bytes", model.bufferBytes(), 1));
        model = model.withSampleInterval(args.longOption("--sample-ms", model.sampleIntervalMs(), 1));
        return model.withBaseRtt(args.longOption("--rtt-ms", model.baseRttMs(), 0));
    }

    private static List<Algorithm<?>> pick(String name, LinkModel model) {
        List<Algorithm<?>> all = Bench.standardControllers(model);
        if (name.equals("all")) {
            return all;
        }
        List<Algorithm<?>> known = new ArrayList<>(all);
        for (QualityState s : QualityState.values()) {
            known.add(new FixedAlgorithm(s));
        }
        return List.of(known.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("unknown controller " + name)));
    }

    private static Set<String> union(Set<String> base, String... more) {
        HashSet<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
