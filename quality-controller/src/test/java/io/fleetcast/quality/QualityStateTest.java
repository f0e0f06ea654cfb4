package io.fleetcast.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QualityStateTest {

    @ParameterizedTest
    @CsvSource({
            "HIGH,     1920x1080, 30, 4500000, 1080p30",
            "MEDIUM,   1280x720,  30, 2500000, 720p30",
            "LOW,      854x480,   24, 1200000, 480p24",
            "VERY_LOW, 640x360,   24, 600000,  360p24"})
    void isTheLockedLadder(QualityState state, String resolution, int fps, long nominalBps, String label) {
        assertThat(state.resolution()).isEqualTo(resolution);
        assertThat(state.fps()).isEqualTo(fps);
        assertThat(state.nominalBps()).isEqualTo(nominalBps);
        assertThat(state.label()).isEqualTo(label);
    }

    @Test
    void ordersFromLowestToHighest() {
        assertThat(QualityState.values())
                .containsExactly(QualityState.VERY_LOW, QualityState.LOW, QualityState.MEDIUM, QualityState.HIGH);
        assertThat(QualityState.LOW.higher()).isEqualTo(QualityState.MEDIUM);
        assertThat(QualityState.LOW.lower()).isEqualTo(QualityState.VERY_LOW);
        assertThat(QualityState.HIGH.higher()).isEqualTo(QualityState.HIGH);
        assertThat(QualityState.VERY_LOW.lower()).isEqualTo(QualityState.VERY_LOW);
    }

    @ParameterizedTest
    @CsvSource({"100000, VERY_LOW", "600000, VERY_LOW", "600001, LOW", "2500000, MEDIUM", "9000000, HIGH"})
    void fitsABitrateIntoTheLowestStateThatCoversIt(long bps, QualityState state) {
        assertThat(QualityState.fitting(bps)).isEqualTo(state);
    }
}
