package io.fleetcast.quality.baseline;

import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BelacoderAlgorithmTest {

    private Feed<BelacoderMemory> feed() {
        return new Feed<>(new BelacoderAlgorithm(1000));
    }

    /** RTT falling slowly towards its minimum: belacoder's only increase condition. */
    private Feed<BelacoderMemory> calm(Feed<BelacoderMemory> f, long ms) {
        for (long t = 0; t < ms; t += 100) {
            f.run(100, 1_000_000, 0, 60 - (t / 100) % 2, 0);
        }
        return f;
    }

    @Test
    void startsAtItsMinimumOnTheLowestState() {
        Feed<BelacoderMemory> f = feed();

        assertThat(f.last().bitrateBps()).isEqualTo(300_000);
        assertThat(f.last().state()).isEqualTo(QualityState.VERY_LOW);
    }

    @Test
    void increasesByItsStepAtMostEveryHalfSecond() {
        Feed<BelacoderMemory> f = calm(feed(), 10_000);

        // At most 20 increases of 30 kbit/s + 1/30 in 10 s, so well under 1.5 Mbit/s.
        assertThat(f.memory().bitrateBps()).isBetween(400_000.0, 1_300_000.0);
        long increases = f.decisions.stream().filter(d -> d.reason() == Reason.INCREASE
                || d.reason() == Reason.PROMOTE).count();
        assertThat(increases).isLessThanOrEqualTo(20);
    }

    @Test
    void fallsToTheMinimumWhenRttReachesAThirdOfTheLatency() {
        Feed<BelacoderMemory> f = calm(feed(), 30_000);
        assertThat(f.memory().bitrateBps()).isGreaterThan(1_000_000);

        f.run(100, 1_000_000, 0, 340, 0);

        assertThat(f.memory().bitrateBps()).isEqualTo(BelacoderAlgorithm.MIN_BITRATE);
    }

    @Test
    void decreasesHardWhenRttPassesAFifthOfTheLatency() {
        Feed<BelacoderMemory> f = calm(feed(), 30_000);
        double before = f.memory().bitrateBps();

        f.run(100, 1_000_000, 0, 250, 0);

        assertThat(f.memory().bitrateBps()).isEqualTo(before - 100_000 - before / 10);
    }

    @Test
    void decreasesWhenTheSendBufferKeepsGrowing() {
        Feed<BelacoderMemory> f = calm(feed(), 30_000);
        double before = f.memory().bitrateBps();

        for (int i = 1; i <= 30; i++) {
            f.run(100, 1_000_000, i * 10L * 1316, 60, 0);
        }

        assertThat(f.memory().bitrateBps()).isLessThan(before);
        assertThat(f.decisions).extracting(d -> d.reason()).contains(Reason.DECREASE);
    }

    @Test
    void showsTheLowestStateWhoseNominalCoversItsBitrate() {
        Feed<BelacoderMemory> f = calm(feed(), 60_000);

        assertThat(f.last().bitrateBps()).isLessThanOrEqualTo(f.last().state().nominalBps());
        assertThat(f.last().state()).isEqualTo(QualityState.fitting(f.last().bitrateBps()));
        assertThat(f.last().bitrateBps() % 100_000).isZero();
    }

    @Test
    void needsAPositiveLatency() {
        assertThatThrownBy(() -> new BelacoderAlgorithm(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
