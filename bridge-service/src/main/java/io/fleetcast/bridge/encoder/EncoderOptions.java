package io.fleetcast.bridge.encoder;

import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.media.codec.EncoderProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The private options each H.264 encoder gets for a rung. Keyframes are placed by the
 * pipeline at fixed times on every rung (so segments align); scene-cut keyframes are off
 * because they would differ between rungs.
 */
public record EncoderOptions(String x264Preset, String nvencPreset) {
    public static final List<String> KNOWN = List.of("h264_nvenc", "libx264", "libopenh264");
    /**
     * x264 on top of the preset. A live segment can only close once its last frame has left
     * the encoder, and the preset's lookahead (10 frames at veryfast), B-frames, frame threads
     * and their sync lookahead hold back about 15 frames (0.5 s at 30 fps, more when the
     * machine is busy): no lookahead or B-frames, and threads that split each frame into
     * slices, so a frame leaves when the next one comes in (x264 keeps one for the rate
     * control of variable-rate input). Costs some compression at the same bitrate (mb-tree
     * needs the lookahead, so it goes too).
     */
    public static final String X264_PARAMS =
            "scenecut=0:open-gop=0:rc-lookahead=0:sync-lookahead=0:bframes=0:mbtree=0:sliced-threads=1";

    public EncoderOptions {
        if (x264Preset == null || x264Preset.isBlank() || nvencPreset == null || nvencPreset.isBlank()) {
            throw new IllegalArgumentException("encoder presets must not be blank");
        }
    }

    public Map<String, String> forRung(String encoder, RungPlan rung) {
        return forProfile(encoder, rung.profile());
    }

    public List<EncoderProbe.Candidate> candidates(List<String> order) {
        return order.stream().map(name -> new EncoderProbe.Candidate(name, forProfile(name, "high"))).toList();
    }

    private Map<String, String> forProfile(String encoder, String profile) {
        Map<String, String> options = new LinkedHashMap<>();
        switch (encoder) {
            case "libx264" -> {
                options.put("preset", x264Preset);
                options.put("profile", profile);
                options.put("x264-params", X264_PARAMS);
            }
            case "h264_nvenc" -> {
                options.put("preset", nvencPreset);
                options.put("profile", profile);
                options.put("rc", "cbr");
                options.put("no-scenecut", "1");
                options.put("forced-idr", "1");
            }
            case "libopenh264" -> {
                options.put("profile", profile);
                options.put("rc_mode", "bitrate");
            }
            default -> throw new IllegalArgumentException("unknown H.264 encoder " + encoder + ", known: " + KNOWN);
        }
        return options;
    }
}
