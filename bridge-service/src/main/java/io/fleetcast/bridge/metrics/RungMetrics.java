package io.fleetcast.bridge.metrics;

/** Output of one rung over the last sampling window. */
public record RungMetrics(String name, String resolution, double fps, long bitRate, long frames) {
}
