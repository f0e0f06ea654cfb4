package io.fleetcast.quality.baseline;

import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VvliveAlgorithmTest {

    private Feed<VvliveMemory> feed() {
        return new Feed<>(new VvliveAlgorithm());
    }

    @Test
    void startsAtMediumWithItsPreset() {
        Feed<VvliveMemory> f = feed();

        assertThat(f.last().state()).isEqualTo(QualityState.MEDIUM);
        assertThat(f.last().bitrateBps()).isEqualTo(2_500_000);
    }

    @Test
    void changesNothingDuringTheMinimumDwell() {
        Feed<VvliveMemory> f = feed().run(44_000, 100_000, 0, 40, 0.5);

        assertThat(f.decisions).allMatch(d -> d.state() == QualityState.MEDIUM);
    }

    @Test
    void downgradesMediumAfterTenSecondsBelowThreeMegabits() {
        Feed<VvliveMemory> f = feed().run(80_000, 2_900_000, 0, 40, 0);

        long at = f.firstTime(0, "MEDIUM -> LOW");
        // Timing starts at the first evaluation after the 45 s dwell and needs 10 s more.
        assertThat(at).isBetween(55_000L, 57_000L);
        assertThat(f.last().state()).isEqualTo(QualityState.LOW);
        assertThat(f.last().bitrateBps()).isEqualTo(1_200_000);
    }

    @Test
    void downgradesOnLossFasterThanOnBandwidth() {
        Feed<VvliveMemory> f = feed().run(60_000, 5_000_000, 0, 40, 0.04);

        assertThat(f.firstTime(0, "packet loss > 3%")).isBetween(50_000L, 52_000L);
    }

    @Test
    void aConditionThatClearsRestartsItsTimer() {
        Feed<VvliveMemory> f = feed().run(45_000, 5_000_000, 0, 40, 0)
                .run(8_000, 2_000_000, 0, 40, 0)
                .run(2_000, 5_000_000, 0, 40, 0)
                .run(8_000, 2_000_000, 0, 40, 0);

        assertThat(f.last().state()).isEqualTo(QualityState.MEDIUM);
    }

    @Test
    void upgradesThroughRecoveryAfterAStableMinute() {
        Feed<VvliveMemory> f = feed().run(70_000, 200_000, 0, 40, 0);
        assertThat(f.last().state()).isEqualTo(QualityState.LOW);
        f.run(60_000, 200_000, 0, 40, 0);
        assertThat(f.last().state()).isEqualTo(QualityState.VERY_LOW);
        long veryLowAt = f.firstTime(0, "LOW -> VERY_LOW");

        f.run(200_000, 3_000_000, 0, 40, 0);

        long recoveryAt = f.firstTime(veryLowAt, "VERY_LOW -> RECOVERY");
        assertThat(recoveryAt - veryLowAt).isBetween(105_000L, 107_000L);
        assertThat(f.decisions.stream().filter(d -> d.timeMs() == recoveryAt).findFirst().orElseThrow().state())
                .isEqualTo(QualityState.MEDIUM);
        long lowAt = f.firstTime(recoveryAt, "RECOVERY -> LOW");
        assertThat(lowAt - recoveryAt).isBetween(60_000L, 61_000L);
        assertThat(f.decisions.stream().filter(d -> d.timeMs() == lowAt).findFirst().orElseThrow().reason())
                .isEqualTo(Reason.DEMOTE);
    }

    @Test
    void fallsIntoErrorOnVeryLowBandwidthAndLeavesAfterTheCooldown() {
        Feed<VvliveMemory> f = feed().run(200_000, 100_000, 0, 40, 0);

        long errorAt = f.firstTime(0, "VERY_LOW -> ERROR");
        assertThat(errorAt).isPositive();
        assertThat(f.decisions.stream().filter(d -> d.timeMs() == errorAt).findFirst().orElseThrow().bitrateBps())
                .isEqualTo(300_000);
        assertThat(f.firstTime(errorAt, "ERROR -> VERY_LOW") - errorAt).isBetween(10_000L, 11_000L);
    }
}
