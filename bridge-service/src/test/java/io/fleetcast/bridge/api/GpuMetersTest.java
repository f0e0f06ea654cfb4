package io.fleetcast.bridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.gpu.DeviceReading;
import io.fleetcast.bridge.gpu.GpuState;
import io.fleetcast.bridge.gpu.NvmlReading;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GpuMetersTest {
    private static final DeviceReading H200 = new DeviceReading(0, "NVIDIA H200", 37, 12, null, 21, null, null, null,
            3_221_225_472L, 150_754_820_096L, 41, List.of("nvmlDeviceGetEncoderStats: Not Supported"));
    private static final DeviceReading L4 = new DeviceReading(1, "NVIDIA L4", 55, 30, 64, 18, 3, 30, 2100,
            1_073_741_824L, 24_152_899_584L, 63, List.of());

    private static GpuState reading(DeviceReading... devices) {
        return GpuState.of(new NvmlReading("575.57.08", List.of(devices)), "probe");
    }

    @Test
    void everyFigureNvmlGaveIsOneSeriesPerGpu() {
        List<GpuMeters.Value> values = GpuMeters.values(reading(H200, L4));
        assertThat(values).filteredOn(v -> v.gpu() == 0).extracting(GpuMeters.Value::figure).containsExactly(
                GpuMeters.Figure.UTILIZATION, GpuMeters.Figure.MEMORY_UTILIZATION, GpuMeters.Figure.DECODER_UTILIZATION,
                GpuMeters.Figure.MEMORY_USED, GpuMeters.Figure.MEMORY_TOTAL, GpuMeters.Figure.TEMPERATURE);
        assertThat(values).filteredOn(v -> v.gpu() == 1).hasSize(GpuMeters.Figure.values().length);
        assertThat(values).contains(new GpuMeters.Value(GpuMeters.Figure.ENCODER_SESSIONS, 1, "NVIDIA L4", 3),
                new GpuMeters.Value(GpuMeters.Figure.MEMORY_TOTAL, 0, "NVIDIA H200", 150_754_820_096.0));
        assertThat(GpuMeters.values(GpuState.unavailable("no driver", "probe"))).isEmpty();
    }

    @Test
    void theGaugesFollowTheLatestReadingInPrometheusText() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AtomicReference<GpuState> state = new AtomicReference<>(reading(H200, L4));
        GpuMeters meters = new GpuMeters(registry, state::get);
        meters.refresh();
        assertThat(registry.scrape()).contains(
                "bridge_gpu_utilization_percent{gpu=\"0\",name=\"NVIDIA H200\"} 37.0",
                "bridge_gpu_temperature_celsius{gpu=\"1\",name=\"NVIDIA L4\"} 63.0",
                "bridge_gpu_encoder_sessions{gpu=\"1\",name=\"NVIDIA L4\"} 3.0",
                "bridge_gpu_memory_used_bytes{gpu=\"0\",name=\"NVIDIA H200\"} 3.221225472E9");
        state.set(reading(new DeviceReading(0, "NVIDIA H200", 90, 12, null, 21, null, null, null, 1L, 2L, 44,
                List.of())));
        meters.refresh();
        assertThat(registry.scrape()).contains("bridge_gpu_utilization_percent{gpu=\"0\",name=\"NVIDIA H200\"} 90.0")
                .doesNotContain("NVIDIA L4");
    }

    @Test
    void withoutAGpuAtStartNoGpuMeterIsRegistered() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new GpuMeters(registry, () -> GpuState.unavailable("no driver", "probe")).refresh();
        assertThat(registry.getMeters()).isEmpty();
    }
}
