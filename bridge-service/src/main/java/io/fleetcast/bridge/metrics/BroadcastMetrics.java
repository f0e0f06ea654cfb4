package io.fleetcast.bridge.metrics;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of one pipeline, rates over the last sampling window: what the service serves
 * on its health endpoint and logs periodically.
 *
 * @param speed         content seconds encoded per wall second (1.0 = real time)
 * @param heldPictures  repeats of the source's last picture while it stalled (before the slate)
 * @param slatePictures pictures of the slate shown while the source was away
 * @param sourceRebases times the source's clock jumped and was re-based onto the timeline
 * @param outputDrops   packets each output dropped because it was behind, by output
 */
public record BroadcastMetrics(String state, String input, String encoder, String encoderReason,
                               double inputFps, double speed, long droppedFrames, long reconnects,
                               long heldPictures, long slatePictures, long sourceRebases, Map<String, Long> outputDrops,
                               List<RungMetrics> rungs, String lastError) {
    public BroadcastMetrics {
        rungs = List.copyOf(rungs);
        outputDrops = Map.copyOf(outputDrops);
    }

    public static BroadcastMetrics initial(String input, String encoder, String reason) {
        return new BroadcastMetrics("starting", input, encoder, reason, 0, 0, 0, 0, 0, 0, 0, Map.of(), List.of(), "");
    }

    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(state).append(" encoder=").append(encoder)
                .append(String.format(" in=%.1ffps speed=%.2fx dropped=%d reconnects=%d held=%d slate=%d rebases=%d",
                        inputFps, speed, droppedFrames, reconnects, heldPictures, slatePictures, sourceRebases));
        outputDrops.forEach((output, drops) -> {
            if (drops > 0) {
                text.append(" | ").append(output).append(" dropped ").append(drops).append(" packets");
            }
        });
        for (RungMetrics rung : rungs) {
            text.append(String.format(" | %s %s %.1ffps %dkbit/s", rung.name(), rung.resolution(), rung.fps(),
                    rung.bitRate() / 1000));
        }
        return text.toString();
    }
}
