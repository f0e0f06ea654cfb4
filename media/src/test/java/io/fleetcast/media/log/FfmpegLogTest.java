package io.fleetcast.media.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.MediaException;
import io.fleetcast.media.format.InputMedia;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FfmpegLogTest {
    @Test
    void capturesFfmpegsOwnExplanationOnTheCallingThread() {
        try (FfmpegLog log = new FfmpegLog(System.getLogger("ffmpeg"), Level.WARNING)) {
            List<String> lines = new java.util.ArrayList<>();
            try {
                log.captureInto(lines, () -> new InputMedia("tcp://127.0.0.1:1", Map.of(), () -> false).close());
            } catch (MediaException expected) {
                assertThat(expected.getMessage()).contains("tcp://127.0.0.1:1");
            }
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("Connection to tcp://127.0.0.1:1 failed"));
        }
    }

    @Test
    void redactedSecretsNeverReachACapturedLine() {
        try (FfmpegLog log = new FfmpegLog(System.getLogger("ffmpeg"), Level.WARNING)) {
            log.redact("127.0.0.1:1");
            log.redact(" ");
            List<String> lines = new java.util.ArrayList<>();
            try {
                log.captureInto(lines, () -> new InputMedia("tcp://127.0.0.1:1", Map.of(), () -> false).close());
            } catch (MediaException expected) {
                // Refused: what matters is what FFmpeg logged meanwhile.
            }
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("Connection to tcp://<redacted> failed"))
                    .noneSatisfy(line -> assertThat(line).contains("127.0.0.1:1"));
        }
    }

    @Test
    void mapsFfmpegLevelsToLoggerLevels() {
        assertThat(FfmpegLog.toJdk(16)).isEqualTo(Level.ERROR);
        assertThat(FfmpegLog.toJdk(24)).isEqualTo(Level.WARNING);
        assertThat(FfmpegLog.toJdk(32)).isEqualTo(Level.INFO);
        assertThat(FfmpegLog.toJdk(48)).isEqualTo(Level.TRACE);
        assertThat(FfmpegLog.toFfmpeg(Level.WARNING)).isEqualTo(24);
    }

    @Test
    void anErrorCarriesFfmpegsWordsWithoutTheirContextPrefixes() {
        assertThat(FfmpegLog.withMessages("av_hwdevice_ctx_create(cuda:0) failed: Operation not permitted (-1)",
                List.of("[CUDA @ 0x7f16ccdce300] Cannot load libcuda.so.1", "[CUDA @ 0x7f16ccdce300] Could not "
                        + "dynamically load CUDA", "[h264_nvenc @ 0x55d0] [tag] kept")))
                .isEqualTo("av_hwdevice_ctx_create(cuda:0) failed: Operation not permitted (-1) [Cannot load "
                        + "libcuda.so.1; Could not dynamically load CUDA; [tag] kept]");
        assertThat(FfmpegLog.withMessages("failed", List.of())).isEqualTo("failed");
    }
}
