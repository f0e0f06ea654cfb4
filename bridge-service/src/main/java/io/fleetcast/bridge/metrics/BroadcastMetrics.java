package io.fleetcast.bridge.metrics;

import io.fleetcast.bridge.gpu.VideoPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one pipeline, rates over the last sampling window: what the service serves
 * on its health endpoint and logs periodically.
 *
 * @param decode        where pictures are decoded: "cuda" (NVDEC) or "cpu"
 * @param speed         content seconds encoded per wall second (1.0 = real time)
 * @param heldPictures  repeats of the source's last picture while it stalled (before the slate)
 * @param slatePictures pictures of the slate shown while the source was away
 * @param sourceRebases times the source's clock jumped and was re-based onto the timeline
 * @param outputs       each output's state, reconnects, drops and last error
 */
public record BroadcastMetrics(String state, String input, String encoder, String encoderReason, String decode,
                               String decodeReason,
                               double inputFps, double speed, long droppedFrames, long reconnects,
                               long heldPictures, long slatePictures, long sourceRebases, List<OutputMetrics> outputs,
                               List<RungMetrics> rungs, String lastError) {
    public BroadcastMetrics {
        rungs = List.copyOf(rungs);
        outputs = List.copyOf(outputs);
    }

    public static BroadcastMetrics initial(String input, VideoPath path) {
        return new BroadcastMetrics("starting", input, path.encoder(), path.encoderReason(), path.decode(),
                path.decodeReason(), 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), "");
    }

    /** Packets each output dropped because it was behind, by output name. */
    public Map<String, Long> outputDrops() {
        Map<String, Long> drops = new LinkedHashMap<>();
        for (OutputMetrics output : outputs) {
            drops.put(output.name(), output.dropped());
        }
        return drops;
    }

    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(state).append(" decode=").append(decode).append(" encoder=").append(encoder)
                .append(String.format(" in=%.1ffps speed=%.2fx dropped=%d reconnects=%d held=%d slate=%d rebases=%d",
                        inputFps, speed, droppedFrames, reconnects, heldPictures, slatePictures, sourceRebases));
        for (OutputMetrics output : outputs) {
            text.append(" | ").append(output.name()).append(' ').append(output.state());
            if (output.reconnects() > 0) {
                text.append(" reconnects=").append(output.reconnects());
            }
            if (output.dropped() > 0) {
                text.append(" dropped=").append(output.dropped());
            }
        }
        for (RungMetrics rung : rungs) {
            text.append(String.format(" | %s %s %.1ffps %dkbit/s", rung.name(), rung.resolution(), rung.fps(),
                    rung.bitRate() / 1000));
        }
        return text.toString();
    }
}
