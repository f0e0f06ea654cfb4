package io.fleetcast.bridge.metrics;

import java.util.List;

/**
 * A snapshot of one pipeline, rates over the last sampling window: what the service serves
 * on its health endpoint and logs periodically.
 *
 * @param speed content seconds encoded per wall second (1.0 = real time)
 */
public record BroadcastMetrics(String state, String input, String encoder, String encoderReason,
                               double inputFps, double speed, long droppedFrames, long reconnects,
                               List<RungMetrics> rungs, String lastError) {
    public BroadcastMetrics {
        rungs = List.copyOf(rungs);
    }

    public static BroadcastMetrics initial(String input, String encoder, String reason) {
        return new BroadcastMetrics("starting", input, encoder, reason, 0, 0, 0, 0, List.of(), "");
    }

    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(state).append(" encoder=").append(encoder)
                .append(String.format(" in=%.1ffps speed=%.2fx dropped=%d reconnects=%d", inputFps, speed,
                        droppedFrames, reconnects));
        for (RungMetrics rung : rungs) {
            text.append(String.format(" | %s %s %.1ffps %dkbit/s", rung.name(), rung.resolution(), rung.fps(),
                    rung.bitRate() / 1000));
        }
        return text.toString();
    }
}
