package io.fleetcast.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.media.MediaException;
import io.fleetcast.media.log.FfmpegLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncoderProbeTest {
    private static EncoderProbe.Candidate candidate(String name) {
        return new EncoderProbe.Candidate(name, Map.of());
    }

    @Test
    void fallsBackToTheNextEncoderSayingWhy() {
        ProbeResult result = new EncoderProbe(null).choose(List.of(candidate("h266_dream"), candidate("libx264")));
        assertThat(result.encoder()).isEqualTo("libx264");
        assertThat(result.reason()).contains("h266_dream failed", "not in this FFmpeg build");
        assertThat(result.attempts()).extracting(ProbeAttempt::opened).containsExactly(false, true);
    }

    @Test
    void choosesNvencOnlyWhenASessionReallyOpens() {
        // Without an NVENC-capable GPU (CI, or an H100/H200), NVENC must fail with FFmpeg's reason.
        try (FfmpegLog log = new FfmpegLog(System.getLogger("ffmpeg"), System.Logger.Level.WARNING)) {
            ProbeResult result = new EncoderProbe(log).choose(List.of(candidate("h264_nvenc"), candidate("libx264")));
            ProbeAttempt nvenc = result.attempts().get(0);
            if (nvenc.opened()) {
                assertThat(result.encoder()).isEqualTo("h264_nvenc");
                assertThat(result.isHardware()).isTrue();
            } else {
                assertThat(result.encoder()).isEqualTo("libx264");
                assertThat(nvenc.detail()).isNotBlank();
                assertThat(result.reason()).contains("h264_nvenc failed: " + nvenc.detail());
            }
        }
    }

    @Test
    void failsNamingEveryAttemptWhenNothingOpens() {
        assertThatThrownBy(() -> new EncoderProbe(null).choose(List.of(candidate("nope_a"), candidate("nope_b"))))
                .isInstanceOf(MediaException.class).hasMessageContaining("nope_a").hasMessageContaining("nope_b");
    }
}
