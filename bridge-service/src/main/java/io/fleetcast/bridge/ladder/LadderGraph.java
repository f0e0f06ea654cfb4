package io.fleetcast.bridge.ladder;

import java.util.List;

/**
 * The filter graph text for a ladder: the decoded picture goes in once, is optionally
 * rate-capped, split, and scaled to each rung, in memory (swscale) or on the GPU
 * (scale_cuda). Bicubic is FFmpeg's default scaler; it is named so the benchmark's command
 * line can use exactly the same.
 */
public final class LadderGraph {
    public static final String SCALER_FLAGS = "bicubic";

    private LadderGraph() {
    }

    /** @param fpsCap output frame rate to force, or null to keep the source's */
    public static String describe(List<RungPlan> rungs, boolean gpu, String fpsCap) {
        StringBuilder text = new StringBuilder("[in0]");
        if (fpsCap != null) {
            text.append("fps=").append(fpsCap).append(',');
        }
        int count = rungs.size();
        if (count > 1) {
            text.append("split=").append(count);
            for (int i = 0; i < count; i++) {
                text.append("[s").append(i).append(']');
            }
            text.append(';');
        }
        for (int i = 0; i < count; i++) {
            RungPlan rung = rungs.get(i);
            if (count > 1) {
                text.append("[s").append(i).append(']');
            }
            if (gpu) {
                text.append("scale_cuda=").append(rung.width()).append(':').append(rung.height());
            } else {
                text.append("scale=").append(rung.width()).append(':').append(rung.height())
                        .append(":flags=").append(SCALER_FLAGS).append(",format=yuv420p");
            }
            text.append("[out").append(i).append(']');
            if (i < count - 1) {
                text.append(';');
            }
        }
        return text.toString();
    }
}
