package io.fleetcast.control.health;

import io.fleetcast.control.ControlConfig;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The control service's optional parts as {@code /health} lists them: each is {@code OFF} until
 * its settings are present, and none takes the service down. Said once in the log at start.
 */
public final class OptionalParts {
    private static final Logger LOG = System.getLogger(OptionalParts.class.getName());

    private OptionalParts() {
    }

    /** @param mediaKeys whether the JWT mode has keys; @param webhook the alert webhook's state */
    public static Map<String, Supplier<Part>> of(ControlConfig config, boolean mediaKeys, Supplier<Part> webhook) {
        Map<String, Supplier<Part>> parts = new TreeMap<>();
        parts.put("webhook", webhook);
        Part recordings = config.recordings().bucket().isPresent() || config.recordings().localDir().isPresent()
                ? Part.UP : Part.OFF;
        parts.put("recordings", () -> recordings);
        Part jwt = mediaKeys ? Part.UP : Part.OFF;
        parts.put("mediaJwt", () -> jwt);
        Part hooks = config.hookSecret().isPresent() ? Part.UP : Part.OFF;
        parts.put("mediamtxHooks", () -> hooks);
        Part api = config.mediamtxApi().url().isPresent() ? Part.UP : Part.OFF;
        parts.put("mediamtxApi", () -> api);
        LOG.log(Level.INFO, "optional parts: " + parts.entrySet().stream()
                .map(part -> part.getKey() + " " + part.getValue().get().state()).collect(Collectors.joining(", "))
                + (hooks == Part.OFF ? " (MEDIAMTX_HOOK_SECRET is not set: MediaMTX's path and recording hooks are"
                        + " refused)" : ""));
        return parts;
    }
}
