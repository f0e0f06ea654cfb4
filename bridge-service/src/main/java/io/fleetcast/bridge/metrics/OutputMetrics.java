package io.fleetcast.bridge.metrics;

import java.util.Map;

/**
 * One output of a broadcast.
 *
 * @param part     the bridge part it belongs to: hls, restream, s3
 * @param dropped  packets it lost because it was behind (whole groups of pictures)
 * @param failures times it threw and was restarted
 * @param bytes    packet bytes it has been handed and written, since the broadcast started
 * @param counts   the output's own counts by name (an S3 store's uploads, skips, failed calls)
 */
public record OutputMetrics(String name, String part, String state, long reconnects, long dropped, long failures,
                            String lastError, long bytes, Map<String, Long> counts) {
}
