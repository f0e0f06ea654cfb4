package io.fleetcast.quality.simulation;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.adaptive.AdaptiveAlgorithm;
import io.fleetcast.quality.baseline.BelacoderAlgorithm;
import io.fleetcast.quality.baseline.FixedAlgorithm;
import io.fleetcast.quality.baseline.VvliveAlgorithm;
import io.fleetcast.quality.trace.Trace;
import io.fleetcast.quality.trace.TraceFiles;
import io.fleetcast.quality.trace.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.fleetcast.quality.simulation.OracleTest.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimulatorTest {

    private final Simulator simulator = new Simulator(LinkModel.defaults());
    private final Simulator queueing = new Simulator(LinkModel.defaults().withDropAfter(LinkModel.NEVER)
            .withBuffer(100_000_000));

    @TempDir
    static Path dir;

    @Test
    void underCapacityEverythingArrivesOnTime() {
        Trace link = steps(3, 3, 3, 3, 3, 3, 3, 3, 3, 3);

        Report r = simulator.run(link, Scripted.fixed(QualityState.MEDIUM, 2_000_000));

        assertThat(r.lateShare()).isZero();
        assertThat(r.droppedShare()).isZero();
        assertThat(r.lostShare()).isZero();
        assertThat(r.sentBps()).isCloseTo(2_000_000, within(100_000.0));
        assertThat(r.deliveredBps()).isCloseTo(r.sentBps(), within(20_000.0));
        assertThat(r.ratio()).isCloseTo(2.0 / 3, within(0.05));
        assertThat(r.maxDelayMs()).isLessThan(100);
        assertThat(r.stateShare()).containsEntry(QualityState.MEDIUM, 1.0);
    }

    @Test
    void overCapacityTheSenderDropsStaleDataSoNothingDeliveredIsLate() {
        Trace link = steps(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

        Report r = simulator.run(link, Scripted.fixed(QualityState.MEDIUM, 2_000_000));

        assertThat(r.lateShare()).isZero();
        assertThat(r.droppedShare()).isGreaterThan(0.3);
        assertThat(r.deliveredBps()).isLessThan(1_000_000);
        assertThat(r.maxDelayMs()).isLessThanOrEqualTo(LinkModel.LATE_MS);
    }

    @Test
    void withoutDropsAnOverloadedQueueIsLateUntilTheDropTailLimitLosesFrames() {
        Trace link = steps(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        Simulator bounded = new Simulator(LinkModel.defaults().withDropAfter(LinkModel.NEVER).withBuffer(300_000));

        Report r = bounded.run(link, Scripted.fixed(QualityState.MEDIUM, 2_000_000));

        assertThat(r.droppedShare()).isZero();
        assertThat(r.lostShare()).isGreaterThan(0.3);
        // 300 kB at 1 Mbit/s is 2.4 s of queue: most bytes wait more than a second.
        assertThat(r.lateShare()).isGreaterThan(0.5);
        assertThat(r.maxDelayMs()).isBetween(2000L, 2600L);
        assertThat(r.deliveredBps()).isCloseTo(1_000_000, within(60_000.0));
    }

    @Test
    void lossReachesTheControllerInItsSamples() {
        Trace link = steps(1, 1, 1, 1, 1, 1);
        Scripted script = Scripted.fixed(QualityState.MEDIUM, 2_000_000);

        new Simulator(LinkModel.defaults().withDropAfter(LinkModel.NEVER).withBuffer(100_000)).run(link, script);

        assertThat(script.samples.stream().mapToDouble(Sample::lossRate).max().orElseThrow()).isGreaterThan(0.3);
        assertThat(script.samples.get(0).lossRate()).isZero();
    }

    @Test
    void anOutageStallsDeliveryForItsDuration() {
        Trace link = steps(3, 3, 0, 0, 0, 3, 3, 3);

        Report r = queueing.run(link, Scripted.fixed(QualityState.LOW, 1_000_000));

        // Everything encoded during the 3 s outage waits more than 1 s: 3 s of 8 s of bytes.
        assertThat(r.lateShare()).isCloseTo(3.0 / 8, within(0.05));
        assertThat(r.maxDelayMs()).isBetween(2900L, 3100L);
    }

    @Test
    void countsStateChangesAsSwitches() {
        Trace link = steps(5, 5, 5, 5, 5, 5);
        Scripted script = Scripted.fixed(QualityState.HIGH, 3_000_000)
                .from(2000, QualityState.LOW, 1_000_000)
                .from(3000, QualityState.LOW, 900_000)
                .from(4000, QualityState.HIGH, 3_000_000);

        Report r = simulator.run(link, script);

        assertThat(r.switches()).isEqualTo(2);
        assertThat(r.switchesPerMinute()).isCloseTo(20.0, within(1e-9));
        assertThat(r.stateShare().get(QualityState.LOW)).isCloseTo(2.0 / 6, within(0.01));
    }

    @Test
    void samplesCarryWhatASenderCanMeasure() {
        Trace link = steps(1, 1, 1);
        Scripted script = Scripted.fixed(QualityState.MEDIUM, 2_000_000);

        queueing.run(link, script);

        List<Sample> samples = script.samples;
        assertThat(samples).hasSize(30);
        assertThat(samples).extracting(Sample::timeMs).startsWith(100L, 200L, 300L);
        Sample last = samples.get(samples.size() - 1);
        assertThat(last.ackedBytesPerSec()).isCloseTo(125_000, within(1.0));
        assertThat(last.queueBytes()).isPositive();
        assertThat(last.rttMs()).isGreaterThan(LinkModel.defaults().baseRttMs());
        assertThat(last.lossRate()).isZero();
    }

    static Stream<Algorithm<?>> controllers() {
        return Stream.of(AdaptiveAlgorithm.withDefaults(), new VvliveAlgorithm(), new BelacoderAlgorithm(1000),
                new FixedAlgorithm(QualityState.HIGH));
    }

    @ParameterizedTest
    @MethodSource("controllers")
    void neverDeliversMoreThanTheLinkCarries(Algorithm<?> controller) {
        Trace bursty = TraceReader.read(TraceFiles.write(dir, "bursty.up",
                "0\n0\n0\n5\n40\n41\n41\n300\n301\n302\n303\n1200\n1999\n2000\n"));
        for (Trace link : List.of(steps(4, 0.3, 0, 2, 6, 1, 0.5, 3), bursty)) {
            List<TimelineRow> rows = new ArrayList<>();
            long duration = Math.max(8000, link.durationMs());

            Report r = simulator.run(link, controller, duration, rows::add);

            double capacityBits = link.capacityBits(0, duration);
            assertThat(r.deliveredBps() * duration / 1000).isLessThanOrEqualTo(capacityBits);
            assertThat(rows).allMatch(row -> row.ackedKbps() <= row.capacityKbps() + 1e-6);
        }
    }

    @Test
    void repeatsExactlyWithTheSameInputs() {
        Trace link = steps(4, 1, 0, 2, 6, 3, 0.5, 2, 2, 5);
        List<TimelineRow> first = new ArrayList<>();
        List<TimelineRow> second = new ArrayList<>();

        Report a = simulator.run(link, AdaptiveAlgorithm.withDefaults(), link.durationMs(), first::add);
        Report b = simulator.run(link, AdaptiveAlgorithm.withDefaults(), link.durationMs(), second::add);

        assertThat(a).isEqualTo(b);
        assertThat(first).isEqualTo(second).hasSize(10);
    }

    @Test
    void loopsTheTraceForLongerRuns() {
        Trace link = steps(2, 2);

        Report r = simulator.run(link, Scripted.fixed(QualityState.LOW, 1_000_000), 6000, row -> { });

        assertThat(r.durationMs()).isEqualTo(6000);
        assertThat(r.oracleBps()).isCloseTo(2e6, within(1.0));
    }
}
