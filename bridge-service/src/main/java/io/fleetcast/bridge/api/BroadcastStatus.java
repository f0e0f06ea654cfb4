package io.fleetcast.bridge.api;

import io.fleetcast.bridge.metrics.BroadcastMetrics;
import io.fleetcast.bridge.metrics.OutputMetrics;
import io.fleetcast.bridge.metrics.RungMetrics;
import java.util.List;

/**
 * What {@code GET /api/broadcasts/{name}} answers: the state ("connecting", "live",
 * "reconnecting", "ended", "failed", "stopped"), the input (redacted), each output's state and
 * last error, the rungs, the encoder and where pictures are decoded ({@code decode}: cuda or
 * cpu) and why, and {@code lastError}: why the input is not there (the last connection
 * failure) while it never appears.
 */
public record BroadcastStatus(String name, String state, String input, String encoder, String encoderReason,
                              String decode, String decodeReason, String lastError, List<OutputMetrics> outputs, List<RungMetrics> rungs) {
    public static BroadcastStatus of(String name, BroadcastMetrics metrics, String state) {
        return new BroadcastStatus(name, state, metrics.input(), metrics.encoder(), metrics.encoderReason(),
                metrics.decode(), metrics.decodeReason(), metrics.lastError(), metrics.outputs(), metrics.rungs());
    }
}
