package io.fleetcast.quality.bench;

import io.fleetcast.quality.simulation.Report;
import io.fleetcast.quality.trace.TraceKind;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints bench results: a table per trace kind (each run, then a summary per controller),
 * then one JSON line per run and per kind summary, then the verdict. The first controller
 * is the candidate; the others are the baselines it must beat.
 */
public final class BenchPrinter {

    private static final String ROW = "%-24s %-10s %6s %6s %6s %6s %6s %6s %6s %6s %6s  %s%n";

    private final PrintStream out;
    private final Targets targets;

    public BenchPrinter(PrintStream out, Targets targets) {
        this.out = out;
        this.targets = targets;
    }

    /** Prints everything; returns whether the candidate met every target and beat every baseline everywhere. */
    public boolean print(List<Report> reports, List<String> controllers) {
        String candidate = controllers.get(0);
        List<String> baselines = controllers.subList(1, controllers.size());
        Map<TraceKind, List<Report>> byKind = new LinkedHashMap<>();
        for (TraceKind kind : TraceKind.values()) {
            List<Report> of = reports.stream().filter(r -> r.kind() == kind).toList();
            if (!of.isEmpty()) {
                byKind.put(kind, of);
            }
        }
        List<String> summaries = new ArrayList<>();
        boolean all = true;
        for (var entry : byKind.entrySet()) {
            all &= table(entry.getKey(), entry.getValue(), controllers, candidate, baselines, summaries);
        }
        out.println();
        reports.forEach(r -> out.println(r.toJson()));
        summaries.forEach(out::println);
        out.println();
        out.printf("verdict: %s %s every target on every trace%s%n", candidate, all ? "meets" : "does NOT meet",
                all ? " and beats " + String.join(" and ", baselines) + " on each" : " (see the rows marked above)");
        return all;
    }

    private boolean table(TraceKind kind, List<Report> reports, List<String> controllers, String candidate,
                          List<String> baselines, List<String> summaries) {
        Map<String, List<Report>> byTrace = new LinkedHashMap<>();
        reports.forEach(r -> byTrace.computeIfAbsent(r.trace(), k -> new ArrayList<>()).add(r));
        out.printf("%n== %s: %s, %d traces ==%n", kind.id(), kind.description(), byTrace.size());
        out.printf(ROW, "trace", "controller", "oracle", "sent", "deliv", "ratio", "late%", "maxQms", "sw/min",
                "drop%", "loss%", "targets");
        for (var entry : byTrace.entrySet()) {
            boolean first = true;
            for (Report r : entry.getValue()) {
                List<String> misses = targets.misses(r);
                out.printf(Locale.ROOT, ROW, first ? entry.getKey() : "", r.controller(),
                        mbps(r.oracleBps()), mbps(r.sentBps()), mbps(r.deliveredBps()), fmt("%.3f", r.ratio()),
                        fmt("%.2f", r.lateShare() * 100), Long.toString(r.maxDelayMs()),
                        fmt("%.2f", r.switchesPerMinute()), fmt("%.2f", r.droppedShare() * 100),
                        fmt("%.2f", r.lostShare() * 100), misses.isEmpty() ? "ok" : String.join(" ", misses));
                first = false;
            }
        }
        boolean candidateEverywhere = true;
        for (String controller : controllers) {
            List<Report> runs = reports.stream().filter(r -> r.controller().equals(controller)).toList();
            double minRatio = runs.stream().mapToDouble(Report::ratio).min().orElse(0);
            double meanRatio = runs.stream().mapToDouble(Report::ratio).average().orElse(0);
            double maxLate = runs.stream().mapToDouble(Report::lateShare).max().orElse(0);
            double maxSwitches = runs.stream().mapToDouble(Report::switchesPerMinute).max().orElse(0);
            double meanDropped = runs.stream().mapToDouble(Report::droppedShare).average().orElse(0);
            double meanLost = runs.stream().mapToDouble(Report::lostShare).average().orElse(0);
            long met = runs.stream().filter(targets::met).count();
            StringJoiner beatsText = new StringJoiner(", ");
            StringJoiner beatsJson = new StringJoiner(",", "{", "}");
            if (controller.equals(candidate)) {
                candidateEverywhere &= met == runs.size();
                for (String baseline : baselines) {
                    long beaten = byTrace.values().stream().filter(rs -> beats(rs, candidate, baseline)).count();
                    candidateEverywhere &= beaten == byTrace.size();
                    beatsText.add(String.format("beats %s %d/%d", baseline, beaten, byTrace.size()));
                    beatsJson.add(String.format("\"%s\":%d", baseline, beaten));
                }
            }
            out.printf(Locale.ROOT, "summary %-16s %-10s ratio min %.3f mean %.3f | late max %.2f%% | sw/min max %.2f"
                            + " | drop %.2f%% loss %.2f%% (mean) | targets met %d/%d%s%n",
                    kind.id(), controller, minRatio, meanRatio, maxLate * 100, maxSwitches, meanDropped * 100,
                    meanLost * 100, met, runs.size(), beatsText.length() == 0 ? "" : " | " + beatsText);
            summaries.add(String.format(Locale.ROOT,
                    "{\"summary\":\"%s\",\"controller\":\"%s\",\"traces\":%d,\"minRatio\":%.3f,\"meanRatio\":%.3f,"
                            + "\"maxLateShare\":%.4f,\"maxSwitchesPerMin\":%.2f,\"meanDroppedShare\":%.4f,"
                            + "\"meanLostShare\":%.4f,\"targetsMet\":%d%s}",
                    kind.id(), controller, runs.size(), minRatio, meanRatio, maxLate, maxSwitches,
                    meanDropped, meanLost, met, controller.equals(candidate) ? ",\"beats\":" + beatsJson : ""));
        }
        return candidateEverywhere;
    }

    private boolean beats(List<Report> traceRuns, String candidate, String baseline) {
        Report c = traceRuns.stream().filter(r -> r.controller().equals(candidate)).findFirst().orElseThrow();
        Report b = traceRuns.stream().filter(r -> r.controller().equals(baseline)).findFirst().orElseThrow();
        return targets.beats(c, b);
    }

    private static String mbps(double bps) {
        return String.format(Locale.ROOT, "%.3f", bps / 1e6);
    }

    private static String fmt(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }
}
