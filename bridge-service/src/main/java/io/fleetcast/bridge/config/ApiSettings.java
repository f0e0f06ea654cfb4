package io.fleetcast.bridge.config;

import io.fleetcast.config.ConfigException;
import io.fleetcast.config.EnvReader;
import java.util.regex.Pattern;

/**
 * The bridge's REST API ({@code API_PORT}, 8081). {@code token} ({@code BRIDGE_API_TOKEN}) guards
 * every route but {@code /health}; null when unset, and then those routes answer 401 (the boot
 * broadcast still runs). {@code mainBroadcast} ({@code BROADCAST_NAME}, "playroom") is the
 * broadcast {@code AUTOSTART_INPUT_URL} starts, the one written into HLS_DIR itself and fed
 * the audio endpoint's sound. The token never appears in {@link #toString()}.
 */
public record ApiSettings(int port, String token, String mainBroadcast) {
    /** Broadcast names are path segments and folder names; a rung-like name would collide with HLS_DIR/720p. */
    public static final Pattern NAME = Pattern.compile("(?!\\d+p$)[a-z0-9][a-z0-9_-]{0,62}");

    public ApiSettings {
        if (port < 0 || port > 65_535) {
            throw new ConfigException("API_PORT must be 0..65535, got " + port);
        }
        if (token != null && (token.length() < 16 || token.chars().anyMatch(Character::isWhitespace))) {
            throw new ConfigException("BRIDGE_API_TOKEN must be at least 16 characters without spaces");
        }
        if (!NAME.matcher(mainBroadcast).matches()) {
            throw new ConfigException("BROADCAST_NAME must be 1-63 of a-z 0-9 _ - (not like 720p), got '"
                    + mainBroadcast + "'");
        }
    }

    static ApiSettings fromEnv(EnvReader read) {
        String token = read.text("BRIDGE_API_TOKEN", "");
        return new ApiSettings(read.integer("API_PORT", 8081, 0, 65_535), token.isEmpty() ? null : token,
                read.text("BROADCAST_NAME", "playroom"));
    }

    @Override
    public String toString() {
        return "ApiSettings[port=" + port + ", token=" + (token == null ? "unset" : "<redacted>")
                + ", mainBroadcast=" + mainBroadcast + "]";
    }
}
