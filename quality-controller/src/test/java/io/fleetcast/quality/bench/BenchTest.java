package io.fleetcast.quality.bench;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.simulation.LinkModel;
import io.fleetcast.quality.simulation.Report;
import io.fleetcast.quality.simulation.Simulator;
import io.fleetcast.quality.trace.Trace;
import io.fleetcast.quality.trace.TraceFiles;
import io.fleetcast.quality.trace.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTest {

    @TempDir
    Path dir;

    private List<Trace> traces() {
        TraceFiles.mahimahi(dir.resolve("mahimahi"), "Test-LTE.up", 3.0, 40);
        TraceFiles.pensieve(dir.resolve("pensieve"), "norway_test_1", 1, 2.0, 2.5, 1.5, 3.0, 2.0, 2.2, 1.8, 2.4,
                2.1, 2.6, 1.9, 2.0, 2.3, 2.2, 2.0, 2.1, 1.7, 2.0, 2.4, 2.2, 2.0, 1.9, 2.1, 2.2, 2.0, 2.0, 2.1, 2.3,
                2.2, 2.0);
        TraceFiles.pensieve(dir.resolve("pensieve"), "fcc_1", 5, 0.5, 0.55, 0.5, 0.45, 0.5, 0.5, 0.52, 0.5);
        return TraceReader.readAll(dir);
    }

    @Test
    void runsEveryControllerOnEveryTraceInOrder() {
        LinkModel model = LinkModel.defaults();
        Bench bench = new Bench(new Simulator(model), Bench.standardControllers(model));

        List<Report> reports = bench.run(traces());

        assertThat(bench.controllers()).extracting(Algorithm::name).containsExactly("fleetcast", "vvlive", "belacoder");
        assertThat(reports).hasSize(9);
        assertThat(reports).extracting(Report::controller).startsWith("fleetcast", "vvlive", "belacoder", "fleetcast");
        assertThat(reports).extracting(Report::trace).startsWith("Test-LTE.up", "Test-LTE.up", "Test-LTE.up");
    }

    @Test
    void printsATablePerKindThenJsonLinesThenTheVerdict() {
        LinkModel model = LinkModel.defaults();
        Bench bench = new Bench(new Simulator(model), Bench.standardControllers(model));
        List<Report> reports = bench.run(traces());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new BenchPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), Targets.mission())
                .print(reports, List.of("fleetcast", "vvlive", "belacoder"));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("== cellular:", "== hsdpa:", "== fcc:");
        assertThat(out.indexOf("== cellular:")).isLessThan(out.indexOf("== hsdpa:"));
        assertThat(out).contains("summary cellular", "beats vvlive", "targets met");
        assertThat(out.lines().filter(l -> l.startsWith("{\"trace\":"))).hasSize(9);
        assertThat(out.lines().filter(l -> l.startsWith("{\"summary\":"))).hasSize(9);
        assertThat(out.lines().reduce((a, b) -> b).orElseThrow()).startsWith("verdict: fleetcast");
    }

    @Test
    void onASteadyLinkFleetcastMeetsTheTargets() {
        LinkModel model = LinkModel.defaults();
        Bench bench = new Bench(new Simulator(model), Bench.standardControllers(model));

        List<Report> reports = bench.run(traces());

        // A behaviour check on easy links, not the benchmark: the targets live in `bench`.
        reports.stream().filter(r -> r.controller().equals("fleetcast"))
                .forEach(r -> assertThat(Targets.mission().misses(r)).as(r.trace()).isEmpty());
    }
}
