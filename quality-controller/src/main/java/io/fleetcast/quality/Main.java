package io.fleetcast.quality;

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

    private static final Set<String> SENDER_OPTIONS = Set.of("--drop-after-ms", "--sample-ms", "--rtt-ms");
    private static final String USAGE = """
            usage: java -jar quality-controller.jar <command> [options]

              simulate <trace-file> [--controller NAME|all] [--duration-s N] [--timeline]
                  replay one trace (mahimahi or pensieve, recognised by content) with fleetcast,
                  vvlive, belacoder (all three by default) or a fixed state for reference
                  (fixed-high, fixed-medium, fixed-low, fixed-very-low); --timeline adds one
                  CSV row per second of the first controller's run
              bench [<trace-dir>]
                  every controller on every trace under the directory (default %s),
                  per-kind tables, one JSON line per run, and the verdict against the targets

            sender options (both commands):
              --drop-after-ms N|never   latency budget: queued data older than this is dropped (default 1000)
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
                default -> throw new Args.UsageException("unknown command " + args[0]);
            };
        } catch (Args.UsageException e) {
            out.println("error: " + e.getMessage());
            out.print(USAGE);
            return 2;
        } catch (TraceFormatException | IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int simulate(Args args, PrintStream out) {
        if (args.positionals().size() != 1) {
            throw new Args.UsageException("simulate needs exactly one trace file");
        }
        LinkModel model = linkModel(args);
        List<Algorithm<?>> controllers = pick(args.option("--controller", "all"), model);
        long durationS = args.longOption("--duration-s", 0, 1);
        Trace trace = TraceReader.read(Path.of(args.positionals().get(0)));
        long durationMs = durationS > 0 ? durationS * 1000 : trace.durationMs();
        Simulator simulator = new Simulator(model);
        out.println("trace: " + trace);
        out.println("sender: " + model.describe());
        out.printf(Locale.ROOT, "%-10s %8s %8s %6s %6s %8s %6s %6s%n",
                "controller", "oracle", "mean", "ratio", "late%", "switches", "drop%", "p95ms");
        StringBuilder timeline = new StringBuilder();
        for (int i = 0; i < controllers.size(); i++) {
            boolean record = i == 0 && args.flag("--timeline");
            Report r = simulator.run(trace, controllers.get(i), durationMs,
                    row -> {
                        if (record) {
                            timeline.append(row.toCsv()).append('\n');
                        }
                    });
            out.printf(Locale.ROOT, "%-10s %8.0f %8.0f %6.3f %6.2f %8d %6.2f %6d%n", r.controller(),
                    r.oracleBps() / 1000, r.meanBps() / 1000, r.ratio(), r.lateShare() * 100, r.switches(),
                    r.droppedShare() * 100, r.p95DelayMs());
            out.println(r.toJson());
        }
        if (args.flag("--timeline")) {
            out.println(TimelineRow.CSV_HEADER);
            out.print(timeline);
        }
        return 0;
    }

    private static int bench(Args args, PrintStream out) {
        if (args.positionals().size() > 1) {
            throw new Args.UsageException("bench takes at most one directory");
        }
        Path dir = Path.of(args.positionals().isEmpty() ? DEFAULT_TRACES : args.positionals().get(0));
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
        out.println("oracle: each second min(link capacity, 4.5 Mbit/s); mean = bits of fully delivered frames"
                + " (dropped data counts as not delivered)");
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
                .orElseThrow(() -> new Args.UsageException("unknown controller " + name)));
    }

    private static Set<String> union(Set<String> base, String... more) {
        HashSet<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
