package io.fleetcast.bridge.api;

import io.fleetcast.bridge.config.BridgeConfig;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bridge's optional parts as {@code /health} shows them. Each is off until its settings
 * are there (restream: RESTREAM_*_URL or a destination in a start request; S3: S3_BUCKET;
 * the audio endpoint: AUDIO_TOKEN), and fails alone: a restream destination or a bucket that
 * fails is {@code DOWN} with its last error while the broadcast and its local HLS go on.
 */
public final class Parts {
    private static final Logger LOG = System.getLogger(Parts.class.getName());

    private final BridgeConfig config;
    private final BroadcastManager manager;
    private final PartState audio;

    /** @param audio the audio endpoint's state, decided once at start */
    public Parts(BridgeConfig config, BroadcastManager manager, PartState audio) {
        this.config = config;
        this.manager = manager;
        this.audio = audio;
    }

    /** Says at start which parts are on. */
    public void logSwitches() {
        LOG.log(Level.INFO, "optional parts: restream " + (config.restream().isEmpty()
                ? "off (RESTREAM_PRIMARY_URL / RESTREAM_BACKUP_URL unset; start requests may add destinations)"
                : "on (" + config.restream().size() + " destination(s))")
                + ", S3 " + config.s3().map(s3 -> "on (" + s3.location() + ")").orElse("off (S3_BUCKET unset)")
                + ", audio endpoint " + audio.state().toLowerCase(Locale.ROOT)
                + (audio.reason() == null ? "" : " (" + audio.reason() + ")"));
    }

    public Map<String, PartState> now() {
        List<OutputFigures> outputs = manager.health().stream().flatMap(b -> b.outputs().stream()).toList();
        Map<String, PartState> parts = new LinkedHashMap<>();
        parts.put("restream", of("restream", !config.restream().isEmpty(), outputs));
        parts.put("s3", of("s3", config.s3().isPresent(), outputs));
        parts.put("audio", audio);
        return parts;
    }

    private static PartState of(String part, boolean configured, List<OutputFigures> outputs) {
        List<String> failing = new ArrayList<>();
        boolean running = false;
        for (OutputFigures output : outputs) {
            if (output.part().equals(part)) {
                running = true;
                if (!output.state().equals("live") && !output.lastError().isEmpty()) {
                    failing.add(output.name() + ": " + output.lastError());
                }
            }
        }
        if (!failing.isEmpty()) {
            return PartState.down(String.join("; ", failing));
        }
        return configured || running ? PartState.UP : PartState.OFF;
    }
}
