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
        return new Report("t", TraceKind.OTHER, controller, 60_000, 1_000_000, ratio * 1_000_000, lateShare,
                switchesPerMinute, 0, 0, Map.of());
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
            "0.95, 0, 0.92, 0, true",    // both meet, candidate delivers more
            "0.92, 0, 0.95, 0, false",   // both meet, baseline delivers more
            "0.91, 0, 0.99, 9, true",    // baseline misses the switch target
            "0.85, 0, 0.50, 9, false"})  // candidate misses a target itself
    void beatsABaselineByMeetingTheTargetsAndDeliveringMoreOrByItAloneMeetingThem(
            double candidateRatio, int candidateSwitches, double baselineRatio, int baselineSwitches, boolean beats) {
        assertThat(targets.beats(run("c", candidateRatio, 0, candidateSwitches), run("b", baselineRatio, 0, baselineSwitches)))
                .isEqualTo(beats);
    }
}
