package io.fleetcast.bridge.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.bridge.api.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuStateTest {
    private static final ObjectMapper JSON = new Json().mapper();
    private static final String PROBE = "libx264 opened after h264_nvenc failed: No NVENC capable devices found";

    /** What an H200 might say: no NVENC, so NVML has no encoder figures for it. */
    static DeviceReading h200() {
        return new DeviceReading(0, "NVIDIA H200", 37, 12, null, 21, null, null, null, 3_221_225_472L,
                150_754_820_096L, 41, List.of("nvmlDeviceGetEncoderUtilization: Not Supported",
                        "nvmlDeviceGetEncoderStats: Not Supported"));
    }

    static DeviceReading l4() {
        return new DeviceReading(1, "NVIDIA L4", 55, 30, 64, 18, 3, 30, 2100, 1_073_741_824L, 24_152_899_584L, 63,
                List.of());
    }

    @Test
    void aReadingBecomesTheHealthDocumentsGpuWithEveryFigureNvmlGave() throws Exception {
        GpuState state = GpuState.of(new NvmlReading("575.57.08", List.of(h200(), l4())), PROBE);
        JsonNode gpu = JSON.readTree(JSON.writeValueAsString(state));
        assertThat(gpu.path("available").asBoolean()).isTrue();
        assertThat(gpu.path("reason").asText()).isEqualTo("NVML reads 2 GPUs; encoder probe: " + PROBE);
        assertThat(gpu.path("driverVersion").asText()).isEqualTo("575.57.08");
        JsonNode first = gpu.path("devices").get(0);
        assertThat(first.path("name").asText()).isEqualTo("NVIDIA H200");
        assertThat(first.path("gpuUtilization").asInt()).isEqualTo(37);
        assertThat(first.path("memoryUtilization").asInt()).isEqualTo(12);
        assertThat(first.path("decoderUtilization").asInt()).isEqualTo(21);
        assertThat(first.path("memoryUsedBytes").asLong()).isEqualTo(3_221_225_472L);
        assertThat(first.path("memoryTotalBytes").asLong()).isEqualTo(150_754_820_096L);
        assertThat(first.path("temperatureCelsius").asInt()).isEqualTo(41);
        assertThat(first.has("encoderSessions")).as("not reported, left out").isFalse();
        assertThat(first.has("encoderUtilization")).isFalse();
        assertThat(first.path("notRead").get(1).asText()).isEqualTo("nvmlDeviceGetEncoderStats: Not Supported");
        JsonNode second = gpu.path("devices").get(1);
        assertThat(second.path("index").asInt()).isEqualTo(1);
        assertThat(second.path("encoderSessions").asInt()).isEqualTo(3);
        assertThat(second.path("encoderUtilization").asInt()).isEqualTo(64);
        assertThat(second.path("encoderFps").asInt()).isEqualTo(30);
        assertThat(second.path("encoderLatencyMicros").asInt()).isEqualTo(2100);
        assertThat(second.has("notRead")).isFalse();
    }

    @Test
    void anIdleGpusZeroFiguresAreShownNotLeftOut() throws Exception {
        DeviceReading idle = new DeviceReading(0, "NVIDIA L4", 0, 0, 0, 0, 0, 0, 0, 0L, 24_152_899_584L, 30, List.of());
        JsonNode device = JSON.readTree(JSON.writeValueAsString(GpuState.of(new NvmlReading("580.65.06",
                List.of(idle)), PROBE))).path("devices").get(0);
        for (String figure : List.of("index", "gpuUtilization", "memoryUtilization", "encoderUtilization",
                "decoderUtilization", "encoderSessions", "encoderFps", "encoderLatencyMicros", "memoryUsedBytes")) {
            assertThat(device.path(figure).isNumber()).as(figure).isTrue();
            assertThat(device.path(figure).asLong()).as(figure).isZero();
        }
    }

    @Test
    void withoutAGpuTheDocumentIsAvailableFalseAndTheReasonAlone() throws Exception {
        GpuState state = GpuState.unavailable("NVML bindings did not load: libcuda.so.1: cannot open", PROBE);
        JsonNode gpu = JSON.readTree(JSON.writeValueAsString(state));
        assertThat(gpu.path("available").isBoolean()).isTrue();
        assertThat(gpu.path("available").asBoolean()).isFalse();
        assertThat(gpu.path("reason").asText())
                .isEqualTo("NVML bindings did not load: libcuda.so.1: cannot open; encoder probe: " + PROBE);
        assertThat(gpu.size()).as("only available and reason").isEqualTo(2);
    }

    @Test
    void aDriverThatListsNoGpuIsNoGpu() {
        GpuState state = GpuState.of(new NvmlReading("575.57.08", List.of()), PROBE);
        assertThat(state.available()).isFalse();
        assertThat(state.reason()).startsWith("NVML (driver 575.57.08) lists no GPU");
    }
}
