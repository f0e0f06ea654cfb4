package io.fleetcast.bridge.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.media.Rational;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LadderTest {
    private final Ladder ladder = new Ladder(Rung.parseAll(Ladder.DEFAULT), 0);

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(1920, 1080, new Rational(1, 1), List.of("1920x1080", "1280x720", "854x480")),
                Arguments.of(1280, 720, new Rational(1, 1), List.of("1280x720", "854x480")),
                Arguments.of(1366, 768, new Rational(1, 1), List.of("1280x720", "854x480")),
                Arguments.of(1001, 563, new Rational(1, 1), List.of("854x480")),
                Arguments.of(1440, 1080, new Rational(4, 3), List.of("1920x1080", "1280x720", "854x480")),
                Arguments.of(640, 360, new Rational(1, 1), List.of("640x360")),
                Arguments.of(3840, 2160, new Rational(1, 1), List.of("1920x1080", "1280x720", "854x480")));
    }

    @ParameterizedTest(name = "{0}x{1} -> {3}")
    @MethodSource("sources")
    void dropsRungsAboveTheSourceAndKeepsSizesEven(int width, int height, Rational aspect, List<String> expected) {
        List<RungPlan> plans = ladder.plan(width, height, aspect, new Rational(30, 1));
        assertThat(plans).extracting(RungPlan::resolution).containsExactlyElementsOf(expected);
        assertThat(plans).allSatisfy(p -> {
            assertThat(p.width() % 2).isZero();
            assertThat(p.height() % 2).isZero();
        });
    }

    @Test
    void usesConfiguredBitratesAndProfiles() {
        List<RungPlan> plans = ladder.plan(1920, 1080, null, new Rational(30, 1));
        assertThat(plans).extracting(RungPlan::bitRate).containsExactly(4_500_000L, 2_500_000L, 1_200_000L);
        assertThat(plans).extracting(RungPlan::maxRate).containsExactly(4_500_000L, 2_500_000L, 1_200_000L);
        assertThat(plans).extracting(RungPlan::profile).containsExactly("high", "high", "main");
    }

    @Test
    void keepsTheSourceFrameRateUnlessCapped() {
        assertThat(ladder.plan(1280, 720, null, new Rational(25, 1)).get(0).frameRate()).isEqualTo(new Rational(25, 1));
        Ladder capped = new Ladder(Rung.parseAll(Ladder.DEFAULT), 30);
        assertThat(capped.plan(1280, 720, null, new Rational(60, 1)).get(0).frameRate().value()).isEqualTo(30.0);
        assertThat(capped.plan(1280, 720, null, new Rational(25, 1)).get(0).frameRate()).isEqualTo(new Rational(25, 1));
    }

    @Test
    void rejectsASourceWithoutSize() {
        assertThatThrownBy(() -> ladder.plan(0, 0, null, new Rational(30, 1)))
                .hasMessageContaining("0x0");
    }
}
