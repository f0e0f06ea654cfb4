package io.fleetcast.bridge.broadcast;

/**
 * How an output says it is doing, for metrics.
 *
 * @param state      e.g. live, connecting, backoff, failed
 * @param reconnects connections it opened after a lost or failed one
 * @param lastError  its last error (no secrets), or empty
 */
public record OutputHealth(String state, long reconnects, String lastError) {
    public static final OutputHealth LIVE = new OutputHealth("live", 0, "");
}
