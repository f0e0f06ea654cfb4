package io.fleetcast.quality.simulation;

import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.adaptive.AdaptiveAlgorithm;
import io.fleetcast.quality.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.fleetcast.quality.simulation.OracleTest.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimulatorTest {

    private final Simulator simulator = new Simulator(LinkModel.defaults());

    @Test
    void underCapacityEverythingArrivesOnTime() {
        Trace link = steps(3, 3, 3, 3, 3, 3, 3, 3, 3, 3);

        Report r = simulator.run(link, Scripted.fixed(QualityState.MEDIUM, 2_000_000));

        assertThat(r.lateShare()).isZero();
        assertThat(r.droppedShare()).isZero();
        assertThat(r.meanBps()).isCloseTo(2_000_000, within(100_000.0));
        assertThat(r.ratio()).isCloseTo(2.0 / 3, within(0.05));
        assertThat(r.p95DelayMs()).isLessThan(100);
        assertThat(r.stateShare()).containsEntry(QualityState.MEDIUM, 1.0);
    }

    @Test
    void overCapacityTheSenderDropsStaleDataSoNothingIsLate() {
        Trace link = steps(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);

        Report r = simulator.run(link, Scripted.fixed(QualityState.MEDIUM, 2_000_000));

        assertThat(r.lateShare()).isZero();
        assertThat(r.droppedShare()).isGreaterThan(0.3);
        assertThat(r.meanBps()).isLessThan(1_000_000);
        assertThat(r.p95DelayMs()).isLessThanOrEqualTo(LinkModel.LATE_MS);
    }

    @Test
    void withoutDropsAnOverloadedQueueIsLate() {
        Trace link = steps(1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        Simulator queueing = new Simulator(LinkModel.defaults().withDropAfter(LinkModel.NEVER));

        Report r = queueing.run(link, Scripted.fixed(QualityState.MEDIUM, 2_000_000));

        assertThat(r.droppedShare()).isZero();
        // The queue passes 1 s of delay after about 1 s and keeps growing.
        assertThat(r.lateShare()).isGreaterThan(0.7);
        assertThat(r.meanBps()).isCloseTo(1_000_000, within(60_000.0));
    }

    @Test
    void anOutageStallsDeliveryForItsDuration() {
        Trace link = steps(3, 3, 0, 0, 0, 3, 3, 3);
        Simulator queueing = new Simulator(LinkModel.defaults().withDropAfter(LinkModel.NEVER));

        Report r = queueing.run(link, Scripted.fixed(QualityState.LOW, 1_000_000));

        // Late from 1 s into the outage until it ends, then for the first second of draining
        // 3 s of backlog at 3 Mbit/s while 1 Mbit/s keeps arriving: 3 s of 8.
        assertThat(r.lateShare()).isCloseTo(3.0 / 8, within(0.05));
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

        new Simulator(LinkModel.defaults().withDropAfter(LinkModel.NEVER)).run(link, script);

        List<Sample> samples = script.samples;
        assertThat(samples).hasSize(30);
        assertThat(samples).extracting(Sample::timeMs).startsWith(100L, 200L, 300L);
        Sample last = samples.get(samples.size() - 1);
        assertThat(last.ackedBytesPerSec()).isCloseTo(125_000, within(1.0));
        assertThat(last.queueBytes()).isPositive();
        assertThat(last.rttMs()).isGreaterThan(LinkModel.defaults().baseRttMs());
        assertThat(last.lossRate()).isZero();
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
