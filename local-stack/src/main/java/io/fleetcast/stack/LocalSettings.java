package io.fleetcast.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the local stack listens and keeps its data: {@code FLEETCAST_DATA_DIR} (default
 * {@code .fleetcast-data}, whose {@code local/} holds the bridge's HLS, the logs and the admin's
 * password), {@code CONTROL_PORT} (8080), {@code BRIDGE_API_PORT} (8081) and
 * {@code INGEST_PORT} (8890, the bridge's SRT listener on 127.0.0.1).
 */
public record LocalSettings(Path dataDir, int controlPort, int bridgeApiPort, int ingestPort) {
    public LocalSettings {
        for (int port : new int[] {controlPort, bridgeApiPort, ingestPort}) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("ports must be 1-65535, got " + port);
            }
        }
    }

    public static LocalSettings fromEnv(Map<String, String> env, Path workingDir) {
        return new LocalSettings(workingDir.resolve(env.getOrDefault("FLEETCAST_DATA_DIR", ".fleetcast-data")),
                port(env, "CONTROL_PORT", 8080), port(env, "BRIDGE_API_PORT", 8081), port(env, "INGEST_PORT", 8890));
    }

    /** The local stack's own files. */
    public Path dir() {
        return dataDir.resolve("local");
    }

    public Path logs() {
        return dir().resolve("logs");
    }

    public Path hls() {
        return dir().resolve("hls");
    }

    public URI controlUrl() {
        return URI.create("http://localhost:" + controlPort);
    }

    /** Where the playroom robot publishes: the bridge's listening SRT ingest. */
    public String ingestUrl() {
        return "srt://127.0.0.1:" + ingestPort;
    }

    /** Where the private robot publishes: MediaMTX's RTMP port on this machine (reconnecting while none runs). */
    public String privateGatewayUrl() {
        return "rtmp://127.0.0.1:1935";
    }

    Map<String, String> controlEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("FLEETCAST_DATA_DIR", dataDir.toString());
        env.put("CONTROL_PORT", Integer.toString(controlPort));
        env.put("CONTROL_HLS_DIR", hls().toString());
        env.put("CDN_BASE_URL", controlUrl() + "/hls");
        return env;
    }

    Map<String, String> bridgeEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("AUTOSTART_INPUT_URL", ingestUrl() + "?mode=listener");
        env.put("HLS_DIR", hls().toString());
        env.put("LADDER", "720p:2500k,480p:1200k,360p:700k");
        env.put("API_PORT", Integer.toString(bridgeApiPort));
        return env;
    }

    Map<String, String> observerEnv(ControlApi.Robot robot, String gateway) {
        Map<String, String> env = new HashMap<>();
        env.put("ROBOT_ID", Long.toString(robot.id()));
        env.put("STREAM_KEY", robot.streamKey());
        env.put("PUSH_PATH", robot.path());
        env.put("GATEWAY_URL", gateway);
        env.put("CONTROL_URL", controlUrl().toString());
        env.put("QUALITY_CAP", "MEDIUM");
        return env;
    }

    private static int port(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a port number, got '" + value + "'");
        }
    }
}
