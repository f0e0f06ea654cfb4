package io.fleetcast.bridge.api;

import io.fleetcast.bridge.metrics.BroadcastMetrics;
import io.fleetcast.bridge.metrics.OutputMetrics;
import io.fleetcast.bridge.metrics.RungMetrics;
import java.util.List;

/**
 * One broadcast in {@code GET /api/streaming/health}: pictures per second in (decoded from the
 * source) and out (the top rung's encoded pictures), speed (x real time), each rung's fps and
 * bitrate (per content second), each output's state and bitrate, frames dropped to keep up,
 * input reconnects, whether the slate is on, the encoder and the decoder in use (cuda or cpu)
 * and why.
 */
public record BroadcastHealth(String name, String state, double fpsIn, double fpsOut, double speed,
                              long droppedFrames, long reconnects, boolean slate, String encoder,
                              String encoderReason, String decode, String decodeReason, List<RungMetrics> rungs,
                              List<OutputFigures> outputs) {
    static BroadcastHealth of(String name, String state, BroadcastMetrics m, Activity activity) {
        double fpsOut = m.rungs().isEmpty() ? 0 : m.rungs().getFirst().fps();
        List<OutputFigures> outputs = m.outputs().stream().map(o -> figures(o, activity)).toList();
        return new BroadcastHealth(name, state, m.inputFps(), fpsOut, m.speed(), m.droppedFrames(), m.reconnects(),
                activity.slate(), m.encoder(), m.encoderReason(), m.decode(), m.decodeReason(), m.rungs(), outputs);
    }

    private static OutputFigures figures(OutputMetrics o, Activity activity) {
        return new OutputFigures(o.name(), o.part(), o.state(), activity.bitRate(o.name()), o.reconnects(), o.dropped(),
                o.lastError(), o.counts());
    }
}
