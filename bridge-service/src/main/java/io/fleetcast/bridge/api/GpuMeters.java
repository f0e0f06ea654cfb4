package io.fleetcast.bridge.api;

import io.fleetcast.bridge.gpu.DeviceReading;
import io.fleetcast.bridge.gpu.GpuState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Per-GPU gauges (tags {@code gpu} index and {@code name}) from NVML's figures, registered only
 * when a GPU was there at start; a figure the GPU does not report has no series.
 */
final class GpuMeters {
    enum Figure {
        UTILIZATION("bridge.gpu.utilization", "percent", "percent of time a kernel ran", DeviceReading::gpuUtilization),
        MEMORY_UTILIZATION("bridge.gpu.memory.utilization", "percent", "percent of time device memory was busy",
                DeviceReading::memoryUtilization),
        ENCODER_UTILIZATION("bridge.gpu.encoder.utilization", "percent", "NVENC busy percent",
                DeviceReading::encoderUtilization),
        DECODER_UTILIZATION("bridge.gpu.decoder.utilization", "percent", "NVDEC busy percent",
                DeviceReading::decoderUtilization),
        ENCODER_SESSIONS("bridge.gpu.encoder.sessions", null, "NVENC sessions open (every process's)",
                DeviceReading::encoderSessions),
        MEMORY_USED("bridge.gpu.memory.used", "bytes", "device memory in use", DeviceReading::memoryUsedBytes),
        MEMORY_TOTAL("bridge.gpu.memory.total", "bytes", "device memory", DeviceReading::memoryTotalBytes),
        TEMPERATURE("bridge.gpu.temperature", "celsius", "GPU core temperature", DeviceReading::temperatureCelsius);

        final String meter;
        final String unit;
        final String description;
        final Function<DeviceReading, Number> read;

        Figure(String meter, String unit, String description, Function<DeviceReading, Number> read) {
            this.meter = meter;
            this.unit = unit;
            this.description = description;
            this.read = read;
        }
    }

    /** One series: a figure of one GPU. */
    record Value(Figure figure, int gpu, String name, double value) {
    }

    private final Supplier<GpuState> gpu;
    private final Map<Figure, MultiGauge> gauges = new EnumMap<>(Figure.class);

    GpuMeters(MeterRegistry registry, Supplier<GpuState> gpu) {
        this.gpu = gpu;
        if (gpu.get().available()) {
            for (Figure figure : Figure.values()) {
                gauges.put(figure, MultiGauge.builder(figure.meter).baseUnit(figure.unit)
                        .description(figure.description).register(registry));
            }
        }
    }

    /** Every figure NVML gave, GPU by GPU; none without a GPU. */
    static List<Value> values(GpuState state) {
        List<Value> values = new ArrayList<>();
        for (DeviceReading device : state.devices()) {
            for (Figure figure : Figure.values()) {
                Number value = figure.read.apply(device);
                if (value != null) {
                    values.add(new Value(figure, device.index(), device.name(), value.doubleValue()));
                }
            }
        }
        return values;
    }

    /** The series as of now, right before a scrape. */
    void refresh() {
        if (gauges.isEmpty()) {
            return;
        }
        Map<Figure, List<MultiGauge.Row<?>>> rows = new EnumMap<>(Figure.class);
        for (Value value : values(gpu.get())) {
            rows.computeIfAbsent(value.figure(), f -> new ArrayList<>()).add(MultiGauge.Row.of(
                    Tags.of("gpu", Integer.toString(value.gpu()), "name", value.name()), value.value()));
        }
        gauges.forEach((figure, gauge) -> gauge.register(rows.getOrDefault(figure, List.of()), true));
    }
}
