package io.fleetcast.bridge.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RungTest {
    @Test
    void parsesTheDefaultLadder() {
        assertThat(Rung.parseAll("1080p:4500k, 720p:2.5M,480p:1200000"))
                .containsExactly(new Rung(1080, 4_500_000), new Rung(720, 2_500_000), new Rung(480, 1_200_000));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"720:2500k;720:2500k", "720p;720p", "720p:fast;720p:fast", "8p:100k;rung height"})
    void rejectsMalformedRungsNamingThem(String text, String named) {
        assertThatThrownBy(() -> Rung.parseAll(text)).hasMessageContaining(named);
    }
}
