package io.fleetcast.quality.bench;

import io.fleetcast.quality.simulation.Report;
import io.fleetcast.quality.trace.TraceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    private final Targets targets = Targets.mission();

    private static Report run(String controller, double ratio, double lateShare, int switchesPerMinute) {
        return new Report("t", TraceKind.OTHER, controller, 60_000, 1_000_000, ratio * 1_000_000, 1_000_000,
                lateShare, 0, switchesPerMinute, 0, 0, Map.of());
    }

    @ParameterizedTest
    @CsvSource({
            "0.95, 0.000, 2, ''",
            "0.90, 0.010, 4, ''",
            "0.89, 0.000, 2, ratio<0.90",
            "0.95, 0.011, 2, late>1%",
            "0.95, 0.000, 5, switches>4/min",
            "0.50, 0.500, 9, ratio<0.90 late>1% switches>4/min"})
    void namesEveryMissedTarget(double ratio, double late, int switches, String misses) {
        Report r = run("x", ratio, late, switches);

        assertThat(String.join(" ", targets.misses(r))).isEqualTo(misses);
        assertThat(targets.met(r)).isEqualTo(misses.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            "0.95, 0.000, 0.92, 0.000, true",    // more bitrate, same late share
            "0.92, 0.000, 0.95, 0.000, false",   // less bitrate
            "0.95, 0.005, 0.92, 0.001, false",   // more bitrate but later
            "0.95, 0.001, 0.92, 0.005, true",    // more bitrate and less late
            "0.85, 0.000, 0.50, 0.000, true"})   // beating a baseline is not meeting the targets
    void beatsABaselineWithMoreBitrateAtNoMoreLateShare(
            double candidateRatio, double candidateLate, double baselineRatio, double baselineLate, boolean beats) {
        assertThat(targets.beats(run("c", candidateRatio, candidateLate, 0), run("b", baselineRatio, baselineLate, 0)))
                .isEqualTo(beats);
    }
}
