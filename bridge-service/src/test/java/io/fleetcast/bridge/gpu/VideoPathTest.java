package io.fleetcast.bridge.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.media.codec.ProbeAttempt;
import io.fleetcast.media.codec.ProbeResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoPathTest {
    static final ProbeResult X264 = new ProbeResult("libx264",
            "libx264 opened after h264_nvenc failed: No NVENC capable devices found",
            List.of(new ProbeAttempt("h264_nvenc", false, "No NVENC capable devices found"),
                    new ProbeAttempt("libx264", true, "")));
    static final ProbeResult NVENC = new ProbeResult("h264_nvenc", "h264_nvenc opened",
            List.of(new ProbeAttempt("h264_nvenc", true, "")));

    @ParameterizedTest(name = "DECODE={0}, encoder {1}, CUDA failure {2}: decode {3}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "auto; libx264;    -;          cuda; NVDEC on CUDA device 0; pictures are downloaded to memory for the ladder and libx264 (no NVENC: libx264 opened after h264_nvenc failed: No NVENC capable devices found)",
            "cuda; libx264;    -;          cuda; NVDEC on CUDA device 0; pictures are downloaded to memory for the ladder and libx264",
            "auto; h264_nvenc; -;          cuda; NVDEC on CUDA device 0; pictures stay on the GPU for scale_cuda and h264_nvenc",
            "auto; libx264;    no libcuda; cpu;  CUDA device 0 did not open: no libcuda",
            "cpu;  libx264;    -;          cpu;  DECODE=cpu",
            "cpu;  h264_nvenc; -;          cpu;  DECODE=cpu; pictures are uploaded for scale_cuda and h264_nvenc",
    })
    void decodesWhereTheSettingAndTheGpuAllow(String mode, String encoder, String failure, String decode,
                                               String reason) {
        ProbeResult probe = encoder.equals("libx264") ? X264 : NVENC;
        VideoPath path = VideoPath.plan(DecodeMode.parse(mode), probe, 0, failure);
        assertThat(path.decode()).isEqualTo(decode);
        assertThat(path.decodeReason()).startsWith(reason);
        assertThat(path.encoder()).isEqualTo(encoder);
        assertThat(path.encoderReason()).isEqualTo(probe.reason());
    }

    @Test
    void aStreamNvdecDoesNotTakeIsShownAsDecodedInMemoryWithTheSameEncoder() {
        VideoPath planned = VideoPath.plan(DecodeMode.AUTO, X264, 0, null);
        VideoPath now = planned.inMemoryBecause("NVDEC does not decode this mjpeg stream; FFmpeg decodes it in memory");
        assertThat(now).isEqualTo(new VideoPath("cpu", "NVDEC does not decode this mjpeg stream; FFmpeg decodes it "
                + "in memory", "libx264", X264.reason()));
    }

    @ParameterizedTest
    @CsvSource({"libx264", "h264_nvenc"})
    void insistingOnCudaWithoutTheDeviceIsAnError(String encoder) {
        ProbeResult probe = encoder.equals("libx264") ? X264 : NVENC;
        assertThatThrownBy(() -> VideoPath.plan(DecodeMode.CUDA, probe, 1, "Cannot load libcuda.so.1"))
                .isInstanceOf(GpuException.class)
                .hasMessage("DECODE=cuda, but CUDA device 1 did not open: Cannot load libcuda.so.1");
    }
}
