package io.fleetcast.quality.adaptive;

import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Reason;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.Step;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdaptiveAlgorithmTest {

    private final AdaptiveAlgorithm algorithm = AdaptiveAlgorithm.withDefaults();
    private final AdaptiveTuning tuning = algorithm.tuning();

    private static AdaptiveAlgorithm startingAt(QualityState state, long bitrateBps) {
        AdaptiveTuning d = AdaptiveTuning.defaults();
        return new AdaptiveAlgorithm(new AdaptiveTuning(d.targetDelayMs(), d.drainMs(), d.capacityUpTauMs(),
                d.capacityDownTauMs(), d.backlogMs(), d.outageFraction(), d.outageHoldMs(), d.outageRateShare(),
                d.increasePerSecond(),
                d.recoveryIncreasePerSecond(), d.peakTauMs(), d.lossThreshold(), d.minBitrateBps(),
                d.promoteHoldMs(), d.demoteHoldMs(), d.creditLeak(), d.sustainedTauMs(), d.switchesPerMinute(),
                d.switchBurst(), d.floorBps(), state, bitrateBps));
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
                .allMatch(d -> d.bitrateBps() <= 3_000_000 * tuning.outageRateShare() * 1.05);
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
        FluidLink link = new FluidLink(algorithm).run(20_000, 3_000_000).run(30_000, 300_000);

        assertThat(link.last().state()).isEqualTo(QualityState.VERY_LOW);
        assertThat(link.switches()).isEqualTo(1);
    }

    @Test
    void promotesOneStateAtATimeAfterTheCeilingBindsForTheHoldTime() {
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
    void theSwitchBudgetBoundsFlapping() {
        long minutes = 10;
        FluidLink link = new FluidLink(algorithm)
                .run(minutes * 60_000, t -> (t / 12_000) % 2 == 0 ? 4_000_000 : 500_000);

        double perMinute = link.switches() / (double) minutes;
        assertThat(perMinute).isLessThanOrEqualTo(tuning.switchesPerMinute() + tuning.switchBurst() / minutes);
        assertThat(link.switches()).isGreaterThan(4);
    }

    @Test
    void theOwnerCapLimitsStateAndBitrate() {
        FluidLink link = new FluidLink(algorithm, Limits.cap(QualityState.MEDIUM)).run(10_000, 10_000_000);

        assertThat(link.decisions).allMatch(d -> d.state().compareTo(QualityState.MEDIUM) <= 0);
        assertThat(link.last().bitrateBps()).isEqualTo(QualityState.MEDIUM.nominalBps());
        assertThat(link.last().reason()).isEqualTo(Reason.CAPPED);
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
    void aPinHoldsTheStateWhileTheBitrateFollowsTheNetwork() {
        FluidLink link = new FluidLink(algorithm, Limits.pin(QualityState.LOW)).run(30_000, 300_000);

        assertThat(link.decisions).allMatch(d -> d.state() == QualityState.LOW);
        assertThat(link.last().bitrateBps()).isCloseTo(300_000L, within(60_000L));
        assertThat(link.last().reason()).isEqualTo(Reason.PINNED);
    }

    @Test
    void neverGoesBelowTheMinimumBitrate() {
        FluidLink link = new FluidLink(algorithm).run(60_000, 50_000);

        assertThat(link.decisions).allMatch(d -> d.bitrateBps() >= tuning.minBitrateBps());
        assertThat(link.last().state()).isEqualTo(QualityState.VERY_LOW);
    }

    @Test
    void lossCutsTheTargetInProportion() {
        Step<AdaptiveMemory> s = algorithm.start(0, Limits.NONE);
        s = algorithm.step(s.memory(), new Sample(100, 312_500, 0, 40, 0), Limits.NONE);
        long before = s.decision().bitrateBps();

        s = algorithm.step(s.memory(), new Sample(200, 312_500, 0, 40, 0.2), Limits.NONE);

        assertThat(s.decision().bitrateBps()).isLessThanOrEqualTo((long) (before * 0.8) + 1);
        assertThat(s.decision().reason()).isEqualTo(Reason.LOSS);
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
        assertThatThrownBy(() -> new AdaptiveTuning(0, d.drainMs(), d.capacityUpTauMs(), d.capacityDownTauMs(),
                d.backlogMs(), d.outageFraction(), d.outageHoldMs(), d.outageRateShare(), d.increasePerSecond(),
                d.recoveryIncreasePerSecond(), d.peakTauMs(), d.lossThreshold(), d.minBitrateBps(),
                d.promoteHoldMs(), d.demoteHoldMs(), d.creditLeak(), d.sustainedTauMs(), d.switchesPerMinute(),
                d.switchBurst(), d.floorBps(), d.startState(), d.startBitrateBps()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveTuning(d.targetDelayMs(), d.drainMs(), d.capacityUpTauMs(),
                d.capacityDownTauMs(), d.backlogMs(), d.outageFraction(), d.outageHoldMs(), d.outageRateShare(),
                d.increasePerSecond(),
                d.recoveryIncreasePerSecond(), d.peakTauMs(), d.lossThreshold(), d.minBitrateBps(),
                d.promoteHoldMs(), d.demoteHoldMs(), d.creditLeak(), d.sustainedTauMs(), d.switchesPerMinute(),
                d.switchBurst(), Map.of(QualityState.LOW, 2_000_000L), d.startState(), d.startBitrateBps()))
                .hasMessageContaining("floor of LOW");
        assertThat(startingAt(QualityState.LOW, 1_000_000).tuning().startState()).isEqualTo(QualityState.LOW);
        assertThatThrownBy(() -> startingAt(QualityState.LOW, 2_000_000))
                .hasMessageContaining("startBitrateBps");
    }
}
