package io.fleetcast.bridge.ladder;

import java.util.List;

/**
 * The filter graph text for a ladder: the decoded picture goes in once, is optionally
 * rate-capped, and is scaled to every rung. In memory each rung is scaled from the rung
 * above it (1080p -> 720p -> 480p) rather than from the source: the smaller input makes
 * the lower rungs' scaling about 40% cheaper for the same scaler. On the GPU every rung is
 * scaled from the source with scale_cuda (cheap there, and frames never leave the GPU).
 * Bicubic is FFmpeg's default scaler; it is named so a command line can use exactly the same.
 * A picture that is not where its scalers run is moved first ({@link #transfer}).
 */
public final class LadderGraph {
    public static final String SCALER_FLAGS = "bicubic";

    private LadderGraph() {
    }

    /** @param fpsCap output frame rate to force, or null to keep the source's */
    public static String describe(List<RungPlan> rungs, boolean gpu, String fpsCap) {
        return describe(rungs, gpu, fpsCap, "");
    }

    /** @param transfer what {@link #transfer} says the picture needs first ("" for nothing) */
    public static String describe(List<RungPlan> rungs, boolean gpu, String fpsCap, String transfer) {
        return gpu ? fromSource(rungs, true, fpsCap, transfer) : cascade(rungs, fpsCap, transfer);
    }

    /**
     * The filters that bring a picture to its scalers: NVDEC's pictures for the CPU ladder are
     * downloaded (in their pool's memory format, nv12 for 8-bit 4:2:0, which the scaler converts),
     * pictures in memory (a software decoder's, the slate) for the GPU ladder are uploaded, and a
     * picture already in place needs nothing.
     *
     * @param gpuScale    whether the ladder scales with scale_cuda (NVENC)
     * @param poolFormat  the memory format of the picture's GPU frame pool, or null for a picture in memory
     */
    public static String transfer(boolean gpuScale, String poolFormat, int cudaDevice) {
        if (gpuScale) {
            return poolFormat == null ? "hwupload_cuda=device=" + cudaDevice + "," : "";
        }
        return poolFormat == null ? "" : "hwdownload,format=" + poolFormat + ",";
    }

    /** Every rung scaled from the source picture (what a usual ffmpeg ladder command does). */
    public static String fromSource(List<RungPlan> rungs, boolean gpu, String fpsCap) {
        return fromSource(rungs, gpu, fpsCap, "");
    }

    private static String fromSource(List<RungPlan> rungs, boolean gpu, String fpsCap, String transfer) {
        StringBuilder text = new StringBuilder("[in0]").append(transfer);
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
            if (count > 1) {
                text.append("[s").append(i).append(']');
            }
            text.append(scale(rungs.get(i), gpu)).append("[out").append(i).append(']');
            if (i < count - 1) {
                text.append(';');
            }
        }
        return text.toString();
    }

    private static String cascade(List<RungPlan> rungs, String fpsCap, String transfer) {
        StringBuilder text = new StringBuilder("[in0]").append(transfer);
        if (fpsCap != null) {
            text.append("fps=").append(fpsCap).append(',');
        }
        for (int i = 0; i < rungs.size(); i++) {
            if (i > 0) {
                text.append("[c").append(i - 1).append(']');
            }
            text.append(scale(rungs.get(i), false));
            if (i < rungs.size() - 1) {
                text.append(",split=2[out").append(i).append("][c").append(i).append("];");
            } else {
                text.append("[out").append(i).append(']');
            }
        }
        return text.toString();
    }

    private static String scale(RungPlan rung, boolean gpu) {
        if (gpu) {
            return "scale_cuda=" + rung.width() + ":" + rung.height();
        }
        return "scale=" + rung.width() + ":" + rung.height() + ":flags=" + SCALER_FLAGS + ",format=yuv420p";
    }
}
