package io.fleetcast.bridge.api;

import io.fleetcast.bridge.gpu.GpuState;
import io.fleetcast.bridge.metrics.RungMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The health document's figures as Prometheus gauges (tagged by broadcast, rung, output) and
 * the JVM's meters, and each GPU's NVML figures where there is one. Broadcasts come and go, so
 * the tagged gauges are rebuilt from {@link BroadcastManager#health()} right before each scrape.
 */
public final class BridgeMeters implements AutoCloseable {
    private enum PerBroadcast { INPUT_FPS, OUTPUT_FPS, SPEED, DROPPED, RECONNECTS, SLATE, LIVE }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final BroadcastManager manager;
    private final Map<PerBroadcast, MultiGauge> broadcast = new EnumMap<>(PerBroadcast.class);
    private final MultiGauge rungBitRate;
    private final MultiGauge rungFps;
    private final MultiGauge outputBitRate;
    private final MultiGauge outputDropped;
    private final MultiGauge outputReconnects;
    private final MultiGauge outputCounts;
    private final MultiGauge outputUp;
    private final GpuMeters gpuMeters;

    public BridgeMeters(BroadcastManager manager, Supplier<GpuState> gpu) {
        this.manager = manager;
        registry.config().commonTags("service", "bridge");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
        Gauge.builder("bridge.gpu.available", () -> gpu.get().available() ? 1 : 0)
                .description("1 while NVML reads a GPU").register(registry);
        gpuMeters = new GpuMeters(registry, gpu);
        broadcast.put(PerBroadcast.INPUT_FPS, gauge("bridge.input.fps", "pictures per second decoded from the source"));
        broadcast.put(PerBroadcast.OUTPUT_FPS, gauge("bridge.output.fps", "pictures per second the top rung encoded"));
        broadcast.put(PerBroadcast.SPEED, gauge("bridge.speed", "content seconds encoded per wall second"));
        broadcast.put(PerBroadcast.DROPPED, gauge("bridge.dropped.frames", "pictures dropped on every rung to keep up"));
        broadcast.put(PerBroadcast.RECONNECTS, gauge("bridge.input.reconnects", "times the input came back"));
        broadcast.put(PerBroadcast.SLATE, gauge("bridge.slate", "1 while the slate is on air"));
        broadcast.put(PerBroadcast.LIVE, gauge("bridge.live", "1 while the broadcast's input is live"));
        rungBitRate = gauge("bridge.rung.bitrate", "a rung's bits per content second");
        rungFps = gauge("bridge.rung.fps", "a rung's encoded pictures per second");
        outputBitRate = gauge("bridge.output.bitrate", "bits per second an output wrote");
        outputDropped = gauge("bridge.output.dropped.packets", "packets an output lost while behind");
        outputReconnects = gauge("bridge.output.reconnects", "times an output reconnected");
        outputCounts = gauge("bridge.output.count", "an output's own counts (S3: segments uploaded, skipped, ...)");
        outputUp = gauge("bridge.output.up", "1 while an output is live (tagged with its part: hls, restream, s3)");
    }

    private MultiGauge gauge(String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    /** The Prometheus text of every meter, the broadcasts' as of now. */
    public String scrape() {
        List<BroadcastHealth> all = manager.health();
        Map<PerBroadcast, List<MultiGauge.Row<?>>> rows = new EnumMap<>(PerBroadcast.class);
        List<MultiGauge.Row<?>> rungBits = new ArrayList<>();
        List<MultiGauge.Row<?>> rungPictures = new ArrayList<>();
        List<MultiGauge.Row<?>> outBits = new ArrayList<>();
        List<MultiGauge.Row<?>> outDropped = new ArrayList<>();
        List<MultiGauge.Row<?>> outReconnects = new ArrayList<>();
        List<MultiGauge.Row<?>> outCounts = new ArrayList<>();
        List<MultiGauge.Row<?>> outUp = new ArrayList<>();
        for (BroadcastHealth b : all) {
            Tags tags = Tags.of("broadcast", b.name());
            add(rows, PerBroadcast.INPUT_FPS, tags, b, BroadcastHealth::fpsIn);
            add(rows, PerBroadcast.OUTPUT_FPS, tags, b, BroadcastHealth::fpsOut);
            add(rows, PerBroadcast.SPEED, tags, b, BroadcastHealth::speed);
            add(rows, PerBroadcast.DROPPED, tags, b, h -> h.droppedFrames());
            add(rows, PerBroadcast.RECONNECTS, tags, b, h -> h.reconnects());
            add(rows, PerBroadcast.SLATE, tags, b, h -> h.slate() ? 1 : 0);
            add(rows, PerBroadcast.LIVE, tags, b, h -> h.state().equals("live") ? 1 : 0);
            for (RungMetrics rung : b.rungs()) {
                Tags rungTags = tags.and("rung", rung.name());
                rungBits.add(MultiGauge.Row.of(rungTags, rung.bitRate()));
                rungPictures.add(MultiGauge.Row.of(rungTags, rung.fps()));
            }
            for (OutputFigures output : b.outputs()) {
                Tags outputTags = tags.and("output", output.name());
                outBits.add(MultiGauge.Row.of(outputTags, output.bitRate()));
                outDropped.add(MultiGauge.Row.of(outputTags, output.dropped()));
                outReconnects.add(MultiGauge.Row.of(outputTags, output.reconnects()));
                outUp.add(MultiGauge.Row.of(outputTags.and("part", output.part()), output.state().equals("live") ? 1 : 0));
                output.counts().forEach((count, value) -> outCounts.add(MultiGauge.Row.of(outputTags.and("count", count),
                        value)));
            }
        }
        broadcast.forEach((which, gauge) -> gauge.register(rows.getOrDefault(which, List.of()), true));
        rungBitRate.register(rungBits, true);
        rungFps.register(rungPictures, true);
        outputBitRate.register(outBits, true);
        outputDropped.register(outDropped, true);
        outputReconnects.register(outReconnects, true);
        outputCounts.register(outCounts, true);
        outputUp.register(outUp, true);
        gpuMeters.refresh();
        return registry.scrape();
    }

    private static void add(Map<PerBroadcast, List<MultiGauge.Row<?>>> rows, PerBroadcast which, Tags tags,
                            BroadcastHealth health, ToDoubleFunction<BroadcastHealth> value) {
        rows.computeIfAbsent(which, w -> new ArrayList<>()).add(MultiGauge.Row.of(tags, value.applyAsDouble(health)));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
