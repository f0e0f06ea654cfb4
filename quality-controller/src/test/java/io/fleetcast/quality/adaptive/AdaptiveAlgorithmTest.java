package io.fleetcast.quality.adaptive;

import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Reason;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdaptiveAlgorithmTest {

    private final AdaptiveAlgorithm algorithm = AdaptiveAlgorithm.withDefaults();
    private final AdaptiveTuning tuning = algorithm.tuning();

    private static AdaptiveAlgorithm startingAt(QualityState state, long bitrateBps) {
        return new AdaptiveAlgorithm(AdaptiveTuning.defaults().withStart(state, bitrateBps));
    }

    @Test
    void tracksASteadyLinkWithASmallStandingQueue() {
        FluidLink link = new FluidLink(algorithm).run(30_000, 3_000_000);

        assertThat(link.last().state()).isEqualTo(QualityState.HIGH);
        assertThat(link.last().bitrateBps()).isCloseTo(3_000_000L, within(150_000L));
        assertThat(link.queueDelayMs(3_000_000)).isBetween(100.0, (double) tuning.targetDelayMs() + 50);
    }

    @Test
    void cutsTheBitrateAtOnceWhenCapacityFalls() {
        FluidLink link = new FluidLink(algorithm).run(20_000, 4_000_000);
        long before = link.last().bitrateBps();

        link.run(300, 1_000_000);

        List<Decision> after = link.since(20_000);
        assertThat(after.get(0).bitrateBps()).isLessThan(before);
        assertThat(after.get(0).reason()).isEqualTo(Reason.DECREASE);
        assertThat(link.last().bitrateBps()).isLessThan(1_300_000);
        assertThat(link.last().state()).isEqualTo(QualityState.HIGH);
    }

    @Test
    void regainsLostGroundQuickly() {
        FluidLink link = new FluidLink(algorithm).run(20_000, 3_000_000).run(4_000, 800_000);
        assertThat(link.last().bitrateBps()).isLessThan(1_000_000);

        link.run(1_000, 3_000_000);

        assertThat(link.last().bitrateBps()).isGreaterThan(2_500_000);
    }

    @Test
    void measuresMoreCapacityAsTheStandingQueueDrains() {
        FluidLink link = new FluidLink(algorithm).run(30_000, 2_000_000);

        link.run(2_000, 4_400_000);

        assertThat(link.last().bitrateBps()).isGreaterThan(3_500_000);
    }

    @Test
    void probesAboveWhatItHasMeasuredSlowly() {
        Step<AdaptiveMemory> s = algorithm.start(0, Limits.NONE);
        long before = s.decision().bitrateBps();

        // An empty queue and acks matching the encoder: the link keeps up, nothing more is known.
        for (long t = 100; t <= 1000; t += 100) {
            s = algorithm.step(s.memory(), new Sample(t, s.decision().bitrateBps() / 8.0, 0, 40, 0), Limits.NONE);
        }

        double growth = s.decision().bitrateBps() / (double) before;
        assertThat(growth).isGreaterThan(1.2)
                .isLessThanOrEqualTo(Math.pow(1 + tuning.increasePerSecond() / 10, 10) + 0.01);
    }

    @Test
    void holdsTheStateThroughAShortOutage() {
        FluidLink link = new FluidLink(algorithm).run(20_000, 3_000_000).run(4_000, 0).run(10_000, 3_000_000);

        assertThat(link.switches()).isZero();
        assertThat(link.since(20_000)).extracting(Decision::reason).contains(Reason.OUTAGE);
        assertThat(link.since(20_500).stream().filter(d -> d.timeMs() < 24_000))
                .allMatch(d -> d.bitrateBps() == tuning.minBitrateBps());
        assertThat(link.last().bitrateBps()).isGreaterThan(2_500_000);
    }

    @Test
    void aDipShorterThanTheDemoteHoldKeepsTheState() {
        FluidLink link = new FluidLink(algorithm).run(20_000, 3_000_000).run(5_000, 1_000_000);

        assertThat(link.last().state()).isEqualTo(QualityState.HIGH);
        assertThat(link.last().bitrateBps()).isLessThan(1_300_000);
    }

    @Test
    void demotesAfterSustainedLowBandwidth() {
        FluidLink link = new FluidLink(algorithm).run(20_000, 3_000_000).run(20_000, 1_000_000);

        Decision demotion = link.since(20_000).stream().filter(d -> d.state() != QualityState.HIGH)
                .findFirst().orElseThrow();
        assertThat(demotion.state()).isEqualTo(QualityState.MEDIUM);
        assertThat(demotion.reason()).isEqualTo(Reason.DEMOTE);
        assertThat(demotion.timeMs() - 20_000).isGreaterThanOrEqualTo(tuning.demoteHoldMs());
        assertThat(link.switches()).isEqualTo(1);
    }

    @Test
    void demotesStraightToTheStateThatFits() {
        FluidLink link = new FluidLink(algorithm).run(20_000, 3_000_000).run(40_000, 500_000);

        // Skips MEDIUM: its floor is above what the link now carries.
        assertThat(link.last().state()).isEqualTo(QualityState.LOW);
        assertThat(link.switches()).isEqualTo(1);
    }

    @Test
    void promotesOnlyAfterAStablePeriodOneStateAtATime() {
        FluidLink link = new FluidLink(startingAt(QualityState.VERY_LOW, 500_000)).run(20_000, 10_000_000);

        List<Decision> promotions = link.decisions.stream().filter(d -> d.reason() == Reason.PROMOTE).toList();
        assertThat(promotions).extracting(Decision::state)
                .containsExactly(QualityState.LOW, QualityState.MEDIUM, QualityState.HIGH);
        assertThat(promotions.get(0).timeMs()).isBetween(tuning.promoteHoldMs(), tuning.promoteHoldMs() + 1000);
        for (int i = 1; i < promotions.size(); i++) {
            assertThat(promotions.get(i).timeMs() - promotions.get(i - 1).timeMs())
                    .isGreaterThanOrEqualTo(tuning.promoteHoldMs());
        }
        assertThat(link.last().bitrateBps()).isEqualTo(QualityState.HIGH.nominalBps());
    }

    @Test
    void dropsAtOnceOnAStall() {
        FluidLink link = new FluidLink(algorithm).run(20_000, 3_000_000);

        link.run(100, 0);

        assertThat(link.last().bitrateBps()).isEqualTo(tuning.minBitrateBps());
        assertThat(link.last().reason()).isEqualTo(Reason.OUTAGE);
        assertThat(link.last().state()).isEqualTo(QualityState.HIGH);
    }

    @ParameterizedTest
    @CsvSource({
            "0.01, false",   // below the hold threshold: no reaction
            "0.05, false",   // holds the bitrate, keeps the state
            "0.15, true",
            "0.40, true"})
    void demotesOnSustainedLoss(double loss, boolean demotes) {
        Step<AdaptiveMemory> s = algorithm.start(0, Limits.NONE);
        Decision demotion = null;
        for (long t = 100; t <= 30_000 && demotion == null; t += 100) {
            // The link carries what is sent, but loses a share of it.
            s = algorithm.step(s.memory(), new Sample(t, s.decision().bitrateBps() / 8.0, 0, 40, loss), Limits.NONE);
            if (s.decision().reason() == Reason.DEMOTE) {
                demotion = s.decision();
            }
        }

        if (demotes) {
            assertThat(demotion).isNotNull();
            assertThat(demotion.timeMs()).isGreaterThanOrEqualTo(tuning.demoteHoldMs());
            assertThat(demotion.state()).isLessThan(QualityState.HIGH);
        } else {
            assertThat(demotion).isNull();
            assertThat(s.decision().state()).isEqualTo(QualityState.HIGH);
        }
    }

    @ParameterizedTest
    @CsvSource({"400000", "600000", "800000", "1200000", "1800000", "2500000", "4500000"})
    void doesNotFlapAtABoundary(long boundaryBps) {
        // Capacity swings 10 % either side of a state's floor or ceiling every second.
        FluidLink link = new FluidLink(algorithm)
                .run(300_000, t -> boundaryBps * ((t / 1000) % 2 == 0 ? 1.1 : 0.9));

        assertThat(link.switches()).isLessThanOrEqualTo(3);
    }

    @Test
    void theSwitchBudgetBoundsFlapping() {
        long minutes = 10;
        FluidLink link = new FluidLink(algorithm)
                .run(minutes * 60_000, t -> (t / 12_000) % 2 == 0 ? 4_000_000 : 500_000);

        double perMinute = link.switches() / (double) minutes;
        assertThat(perMinute).isLessThanOrEqualTo(tuning.switchesPerMinute() + tuning.switchBurst() / minutes);
        assertThat(link.switches()).isGreaterThan(4);
    }

    @ParameterizedTest
    @CsvSource({
            // cap,   pin,      capacity,  state,    reason
            "MEDIUM,  ,         10000000,  MEDIUM,   CAPPED",
            "LOW,     ,         10000000,  LOW,      CAPPED",
            "MEDIUM,  ,         300000,    VERY_LOW, STEADY",
            ",        LOW,      10000000,  LOW,      PINNED",
            ",        LOW,      300000,    LOW,      PINNED",
            ",        HIGH,     500000,    HIGH,     PINNED",
            "MEDIUM,  VERY_LOW, 10000000,  VERY_LOW, PINNED"})
    void obeysCapAndPin(QualityState cap, QualityState pin, double capacityBps, QualityState state, Reason reason) {
        Limits limits = new Limits(cap, pin);

        FluidLink link = new FluidLink(algorithm, limits).run(40_000, capacityBps);

        assertThat(link.decisions).allMatch(d -> d.state().compareTo(limits.top()) <= 0);
        if (pin != null) {
            assertThat(link.decisions).allMatch(d -> d.state() == pin);
        }
        assertThat(link.last().state()).isEqualTo(state);
        assertThat(link.last().reason()).isEqualTo(reason);
        assertThat(link.last().bitrateBps()).isLessThanOrEqualTo(state.nominalBps())
                .isLessThanOrEqualTo((long) (capacityBps * 1.1));
    }

    @Test
    void aCapSetLaterDemotesAtOnceAndLiftingItLetsTheStateClimbBack() {
        FluidLink link = new FluidLink(algorithm).run(10_000, 10_000_000);
        assertThat(link.last().state()).isEqualTo(QualityState.HIGH);

        link.controller.setLimits(Limits.cap(QualityState.LOW));
        link.run(100, 10_000_000);
        assertThat(link.last().state()).isEqualTo(QualityState.LOW);
        assertThat(link.last().reason()).isEqualTo(Reason.CAPPED);

        link.controller.setLimits(Limits.NONE);
        link.run(15_000, 10_000_000);
        assertThat(link.last().state()).isEqualTo(QualityState.HIGH);
    }

    @Test
    void forgetsTheOldCapacityWhenAStallOutlastsTheHold() {
        FluidLink link = new FluidLink(algorithm).run(20_000, 3_000_000).run(40_000, 200_000);

        assertThat(link.last().state()).isEqualTo(QualityState.VERY_LOW);
        assertThat(link.last().bitrateBps()).isCloseTo(200_000L, within(40_000L));
    }

    @Test
    void neverGoesBelowTheMinimumBitrate() {
        FluidLink link = new FluidLink(algorithm).run(60_000, 50_000);

        assertThat(link.decisions).allMatch(d -> d.bitrateBps() >= tuning.minBitrateBps());
        assertThat(link.last().state()).isEqualTo(QualityState.VERY_LOW);
    }

    @ParameterizedTest
    @CsvSource({
            "0.00, INCREASE",   // no loss: free to grow
            "0.01, INCREASE",
            "0.05, LOSS",       // 2-10 %: hold
            "0.20, LOSS"})      // above 10 %: cut by half the loss
    void reactsToLossAsGoogleCongestionControlDoes(double loss, Reason reason) {
        Step<AdaptiveMemory> s = algorithm.start(0, Limits.NONE);
        s = algorithm.step(s.memory(), new Sample(100, 312_500, 0, 40, 0), Limits.NONE);
        long before = s.decision().bitrateBps();

        s = algorithm.step(s.memory(), new Sample(200, before / 8.0, 0, 40, loss), Limits.NONE);

        assertThat(s.decision().reason()).isEqualTo(reason);
        if (loss > tuning.lossCutThreshold()) {
            assertThat(s.decision().bitrateBps()).isEqualTo(Math.round(before * (1 - loss / 2)));
        } else if (loss > tuning.lossHoldThreshold()) {
            assertThat(s.decision().bitrateBps()).isEqualTo(before);
        } else {
            assertThat(s.decision().bitrateBps()).isGreaterThan(before);
        }
    }

    @Test
    void ignoresARepeatedOrOlderSample() {
        Step<AdaptiveMemory> s = algorithm.start(0, Limits.NONE);
        s = algorithm.step(s.memory(), new Sample(100, 300_000, 10_000, 60, 0), Limits.NONE);

        Step<AdaptiveMemory> again = algorithm.step(s.memory(), new Sample(100, 0, 900_000, 900, 0.5), Limits.NONE);
        Step<AdaptiveMemory> older = algorithm.step(s.memory(), new Sample(50, 0, 900_000, 900, 0.5), Limits.NONE);

        assertThat(again.memory()).isEqualTo(s.memory());
        assertThat(older.decision()).isEqualTo(s.decision());
    }

    @Test
    void sameSamplesSameDecisions() {
        FluidLink a = new FluidLink(algorithm).run(60_000, t -> 1_000_000 + (t * 7919 % 3_000_000));
        FluidLink b = new FluidLink(algorithm).run(60_000, t -> 1_000_000 + (t * 7919 % 3_000_000));

        assertThat(a.decisions).isEqualTo(b.decisions);
    }

    @Test
    void startsWithTheOwnersLimitsApplied() {
        Decision first = algorithm.start(0, Limits.pin(QualityState.VERY_LOW)).decision();

        assertThat(first.state()).isEqualTo(QualityState.VERY_LOW);
        assertThat(first.bitrateBps()).isEqualTo(QualityState.VERY_LOW.nominalBps());
        assertThat(first.reason()).isEqualTo(Reason.START);
    }

    @Test
    void tuningRejectsNonsense() {
        AdaptiveTuning d = AdaptiveTuning.defaults();

        assertThatThrownBy(() -> d.withFloors(Map.of(QualityState.LOW, 2_000_000L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("floor of LOW");
        assertThatThrownBy(() -> d.withStart(QualityState.LOW, 2_000_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startBitrateBps");
        assertThat(d.withStart(QualityState.LOW, 1_000_000).startState()).isEqualTo(QualityState.LOW);
    }
}
