package io.fleetcast.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @ParameterizedTest
    @CsvSource({
            "-1, 0,   0,  0,   0,   timeMs",
            "0,  -1,  0,  0,   0,   ackedBytesPerSec",
            "0,  NaN, 0,  0,   0,   ackedBytesPerSec",
            "0,  0,   -1, 0,   0,   queueBytes",
            "0,  0,   0,  -5,  0,   rttMs",
            "0,  0,   0,  0,   1.5, lossRate",
            "0,  0,   0,  0,   NaN, lossRate"})
    void aSampleRejectsImpossibleMeasurements(long t, double acked, long queue, double rtt, double loss, String field) {
        assertThatThrownBy(() -> new Sample(t, acked, queue, rtt, loss))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }

    @Test
    void aSampleGivesThroughputInBits() {
        assertThat(new Sample(0, 125_000, 0, 0, 0).ackedBps()).isEqualTo(1_000_000);
    }

    @Test
    void aDecisionStaysWithinItsStatesRange() {
        assertThatThrownBy(() -> new Decision(0, QualityState.LOW, 1_300_000, Reason.STEADY, ""))
                .hasMessageContaining("LOW");
        assertThatThrownBy(() -> new Decision(0, QualityState.LOW, 0, Reason.STEADY, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> new Decision(0, QualityState.LOW, 1_200_000, Reason.STEADY, "")).doesNotThrowAnyException();
    }

    @Test
    void aDecisionDiffersWhenTheStateChangesOrTheBitrateStepsThreePercent() {
        Decision base = new Decision(0, QualityState.MEDIUM, 2_000_000, Reason.STEADY, "");

        assertThat(new Decision(1, QualityState.MEDIUM, 2_050_000, Reason.INCREASE, "x").differsFrom(base)).isFalse();
        assertThat(new Decision(1, QualityState.MEDIUM, 2_060_000, Reason.INCREASE, "x").differsFrom(base)).isTrue();
        assertThat(new Decision(1, QualityState.MEDIUM, 1_940_000, Reason.DECREASE, "x").differsFrom(base)).isTrue();
        assertThat(new Decision(1, QualityState.LOW, 1_000_000, Reason.DEMOTE, "x").differsFrom(base)).isTrue();
    }

    @Test
    void limitsCapOrPinTheState() {
        assertThat(Limits.NONE.apply(QualityState.HIGH)).isEqualTo(QualityState.HIGH);
        assertThat(Limits.cap(QualityState.MEDIUM).apply(QualityState.HIGH)).isEqualTo(QualityState.MEDIUM);
        assertThat(Limits.cap(QualityState.MEDIUM).apply(QualityState.LOW)).isEqualTo(QualityState.LOW);
        assertThat(Limits.pin(QualityState.LOW).apply(QualityState.HIGH)).isEqualTo(QualityState.LOW);
        assertThat(Limits.pin(QualityState.LOW).apply(QualityState.VERY_LOW)).isEqualTo(QualityState.LOW);
        assertThat(new Limits(QualityState.MEDIUM, QualityState.LOW).top()).isEqualTo(QualityState.LOW);
    }

    @Test
    void limitsRejectAPinAboveTheCap() {
        assertThatThrownBy(() -> new Limits(QualityState.LOW, QualityState.HIGH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above cap");
    }
}
