package io.fleetcast.observer.encode;

import io.fleetcast.media.codec.EncoderProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The H.264 encoders the observer can use, best first, with the private options of a live
 * robot stream: no frame waits in the encoder (zero-latency tuning, no B-frames or
 * lookahead), keyframes only where the observer asks for them (every GOP, on a state change,
 * after a reconnect or a dropped group), each of them an IDR so a reader can start there.
 */
public record LiveCodecs(List<String> order, String x264Preset) {
    public static final List<String> KNOWN = List.of("h264_nvenc", "libx264", "libopenh264");

    public LiveCodecs {
        if (order.isEmpty()) {
            throw new IllegalArgumentException("no H.264 encoder to try; known: " + KNOWN);
        }
        for (String name : order) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown encoder " + name + ", known: " + KNOWN);
            }
        }
        order = List.copyOf(order);
    }

    public List<EncoderProbe.Candidate> candidates() {
        return order.stream().map(name -> new EncoderProbe.Candidate(name, options(name))).toList();
    }

    public Map<String, String> options(String encoder) {
        Map<String, String> options = new LinkedHashMap<>();
        switch (encoder) {
            case "libx264" -> {
                options.put("preset", x264Preset);
                options.put("tune", "zerolatency");
                options.put("forced-idr", "1");
                options.put("x264-params", "scenecut=0:open-gop=0");
            }
            case "h264_nvenc" -> {
                options.put("preset", "p3");
                options.put("tune", "ll");
                options.put("rc", "cbr");
                options.put("zerolatency", "1");
                options.put("no-scenecut", "1");
                options.put("forced-idr", "1");
            }
            case "libopenh264" -> options.put("rc_mode", "bitrate");
            default -> throw new IllegalArgumentException("unknown encoder " + encoder + ", known: " + KNOWN);
        }
        return options;
    }
}
