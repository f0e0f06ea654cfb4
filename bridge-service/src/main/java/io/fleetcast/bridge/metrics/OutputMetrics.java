package io.fleetcast.bridge.metrics;

/**
 * One output of a broadcast.
 *
 * @param dropped  packets it lost because it was behind (whole groups of pictures)
 * @param failures times it threw and was restarted
 */
public record OutputMetrics(String name, String state, long reconnects, long dropped, long failures,
                            String lastError) {
}
