package io.fleetcast.bridge.broadcast;

import java.util.Map;

/**
 * How an output says it is doing, for metrics.
 *
 * @param state      e.g. live, connecting, backoff, failed
 * @param reconnects connections it opened after a lost or failed one
 * @param lastError  its last error (no secrets), or empty
 * @param counts     what else it counts, by name (an S3 store's uploads and skips)
 */
public record OutputHealth(String state, long reconnects, String lastError, Map<String, Long> counts) {
    public static final OutputHealth LIVE = new OutputHealth("live", 0, "", Map.of());

    public OutputHealth {
        counts = Map.copyOf(counts);
    }

    public OutputHealth(String state, long reconnects, String lastError) {
        this(state, reconnects, lastError, Map.of());
    }
}
