package io.fleetcast.bridge.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.media.log.FfmpegLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real attempts at opening CUDA device 0 through FFmpeg; this machine has no driver unless {@link Driver} says so. */
class DecodeDeviceTest {
    private static FfmpegLog log;

    @BeforeAll
    static void captureFfmpeg() {
        log = new FfmpegLog(System.getLogger("ffmpeg"), System.Logger.Level.WARNING);
    }

    @AfterAll
    static void release() {
        log.close();
    }

    @Test
    void autoFallsBackToCpuDecodeWithFfmpegsReasonWhenCudaDoesNotOpen() {
        try (DecodeDevice decode = DecodeDevice.open(DecodeMode.AUTO, VideoPathTest.X264, 0, log)) {
            if (Driver.present()) {
                assertThat(decode.path().decode()).as(decode.path().decodeReason()).isEqualTo(VideoPath.CUDA);
                assertThat(decode.device()).isNotNull();
                return;
            }
            assertThat(decode.device()).isNull();
            assertThat(decode.path().decode()).isEqualTo(VideoPath.CPU);
            assertThat(decode.path().decodeReason())
                    .startsWith("CUDA device 0 did not open: av_hwdevice_ctx_create(cuda:0) failed: ")
                    .contains("Cannot load libcuda.so.1");
            assertThat(decode.path().encoder()).isEqualTo("libx264");
        }
    }

    @Test
    void insistingOnCudaFailsWithFfmpegsReason() {
        if (Driver.present()) {
            return;
        }
        assertThatThrownBy(() -> DecodeDevice.open(DecodeMode.CUDA, VideoPathTest.X264, 0, log))
                .isInstanceOf(GpuException.class)
                .hasMessageStartingWith("DECODE=cuda, but CUDA device 0 did not open: ")
                .hasMessageContaining("Cannot load libcuda.so.1");
    }

    @Test
    void cpuDecodeTriesNoDevice() {
        try (DecodeDevice decode = DecodeDevice.open(DecodeMode.CPU, VideoPathTest.X264, 0, log)) {
            assertThat(decode.device()).isNull();
            assertThat(decode.path().decodeReason()).isEqualTo("DECODE=cpu");
        }
    }
}
