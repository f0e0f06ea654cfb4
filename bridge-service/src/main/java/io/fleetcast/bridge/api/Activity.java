package io.fleetcast.bridge.api;

import io.fleetcast.bridge.metrics.BroadcastMetrics;
import io.fleetcast.bridge.metrics.OutputMetrics;
import java.util.HashMap;
import java.util.Map;

/**
 * What one broadcast is doing right now, from two snapshots a second apart: whether the
 * slate is on (slate pictures went out since the last sample) and each output's bitrate
 * (bytes written per wall second). Sampled by the manager's watcher only.
 */
final class Activity {
    private long lastNanos;
    private long lastSlatePictures;
    private final Map<String, Long> lastBytes = new HashMap<>();
    private volatile boolean slate;
    private volatile Map<String, Long> bitRates = Map.of();

    void sample(BroadcastMetrics metrics, long nanos) {
        if (lastNanos != 0) {
            double seconds = Math.max(1e-3, (nanos - lastNanos) / 1e9);
            slate = metrics.slatePictures() > lastSlatePictures;
            Map<String, Long> rates = new HashMap<>();
            for (OutputMetrics output : metrics.outputs()) {
                long before = lastBytes.getOrDefault(output.name(), output.bytes());
                rates.put(output.name(), Math.round(Math.max(0, output.bytes() - before) * 8 / seconds));
            }
            bitRates = Map.copyOf(rates);
        }
        lastNanos = nanos;
        lastSlatePictures = metrics.slatePictures();
        for (OutputMetrics output : metrics.outputs()) {
            lastBytes.put(output.name(), output.bytes());
        }
    }

    boolean slate() {
        return slate;
    }

    long bitRate(String output) {
        return bitRates.getOrDefault(output, 0L);
    }
}
