package io.fleetcast.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.fleetcast.media.MediaException;
import io.fleetcast.media.Rational;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncoderTest {
    private static VideoEncoderSettings settings(String codec, Map<String, String> options) {
        return new VideoEncoderSettings(codec, 320, 240, AV_PIX_FMT_YUV420P, new Rational(1, 30),
                new Rational(30, 1), 500_000, 500_000, 1_000_000, 60, 1, false, options);
    }

    @Test
    void reportsOptionsTheEncoderDidNotUse() {
        try (Encoder encoder = Encoder.video(settings("libx264", Map.of("preset", "ultrafast", "pressset", "slow")), null)) {
            assertThat(encoder.unusedOptions()).containsExactly(Map.entry("pressset", "slow"));
            assertThat(encoder.timeBase()).isEqualTo(new Rational(1, 30));
        }
    }

    @Test
    void unknownEncoderIsNamed() {
        assertThatThrownBy(() -> Encoder.video(settings("h266_dream", Map.of()), null))
                .isInstanceOf(MediaException.class).hasMessageContaining("h266_dream");
    }

    @Test
    void rejectsOddSizes() {
        assertThatThrownBy(() -> new VideoEncoderSettings("libx264", 321, 240, AV_PIX_FMT_YUV420P,
                new Rational(1, 30), new Rational(30, 1), 1, 1, 1, 1, 0, false, Map.of()))
                .hasMessageContaining("321x240");
    }
}
