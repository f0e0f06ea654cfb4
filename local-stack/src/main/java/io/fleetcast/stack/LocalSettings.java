package io.fleetcast.stack;

import io.fleetcast.config.ConfigException;
import io.fleetcast.config.EnvReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local stack listens and keeps its data: {@code FLEETCAST_DATA_DIR} (default
 * {@code .fleetcast-data}, whose {@code local/} holds the bridge's HLS, the logs and the admin's
 * password), {@code CONTROL_PORT} (8080), {@code CONTROL_INTERNAL_PORT} (8090: MediaMTX's auth
 * webhook and the metrics, on 127.0.0.1), {@code BRIDGE_API_PORT} (8081) and
 * {@code INGEST_PORT} (8890, the bridge's SRT listener on 127.0.0.1 when there is no MediaMTX).
 * {@code mediamtx}: MediaMTX's executable ({@code MEDIAMTX_BIN}, else {@code mediamtx} on the
 * {@code PATH}) when there is one; robots then publish to it with their keys, the bridge reads
 * the playroom from it and owners watch over its WebRTC, as in production; its path hooks tell
 * the control service which robots are live. The bridge's credentials, the control service's
 * MediaMTX API credential and the hooks' secret are made afresh on every start.
 */
public record LocalSettings(Path dataDir, int controlPort, int controlInternalPort, int bridgeApiPort, int ingestPort,
                            Optional<Path> mediamtx, String bridgeReadToken, String bridgeApiToken,
                            String mediamtxApiToken, String hookSecret) {
    public LocalSettings {
        for (int port : new int[] {controlPort, controlInternalPort, bridgeApiPort, ingestPort}) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("ports must be 1-65535, got " + port);
            }
        }
    }

    public static LocalSettings fromEnv(Map<String, String> env, Path workingDir) {
        EnvReader in = new EnvReader(env);
        return new LocalSettings(workingDir.resolve(in.text("FLEETCAST_DATA_DIR", ".fleetcast-data")),
                port(in, "CONTROL_PORT", 8080), port(in, "CONTROL_INTERNAL_PORT", 8090),
                port(in, "BRIDGE_API_PORT", 8081), port(in, "INGEST_PORT", 8890),
                mediamtx(env), Secrets.generate(), Secrets.generate(), Secrets.generate(), Secrets.generate());
    }

    /** MEDIAMTX_BIN, else {@code mediamtx} on the PATH; a MEDIAMTX_BIN that is no executable is an error. */
    static Optional<Path> mediamtx(Map<String, String> env) {
        String configured = new EnvReader(env).text("MEDIAMTX_BIN", "");
        if (!configured.isEmpty()) {
            Path bin = Path.of(configured);
            if (!Files.isExecutable(bin)) {
                throw new ConfigException("MEDIAMTX_BIN " + bin + " is not an executable file");
            }
            return Optional.of(bin);
        }
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mediamtx"))) {
                return Optional.of(Path.of(dir, "mediamtx"));
            }
        }
        return Optional.empty();
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

    /** Where the playroom robot publishes: MediaMTX, else the bridge's listening SRT ingest. */
    public String playroomGatewayUrl() {
        return mediamtx.isPresent() ? MEDIAMTX_RTMP : "srt://127.0.0.1:" + ingestPort;
    }

    /** Where the private robot publishes: MediaMTX's RTMP port on this machine (reconnecting while none runs). */
    public String privateGatewayUrl() {
        return MEDIAMTX_RTMP;
    }

    /** MediaMTX's environment: the repository's mediamtx.yml with the addresses of this machine. */
    Map<String, String> mediamtxEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("MTX_AUTHHTTPADDRESS", "http://127.0.0.1:" + controlInternalPort + "/internal/auth");
        env.put("BRIDGE_API_URL", "http://127.0.0.1:" + bridgeApiPort);
        env.put("BRIDGE_API_TOKEN", bridgeApiToken);
        // The path hooks (live status) call the control service's internal listener with the secret.
        env.put("CONTROL_URL", "http://127.0.0.1:" + controlInternalPort);
        env.put("MEDIAMTX_HOOK_SECRET", hookSecret);
        return env;
    }

    Map<String, String> controlEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("FLEETCAST_DATA_DIR", dataDir.toString());
        env.put("CONTROL_PORT", Integer.toString(controlPort));
        env.put("CONTROL_INTERNAL_HOST", "127.0.0.1");
        env.put("CONTROL_INTERNAL_PORT", Integer.toString(controlInternalPort));
        env.put("CONTROL_HLS_DIR", hls().toString());
        env.put("CDN_BASE_URL", controlUrl() + "/hls");
        env.put("BRIDGE_READ_TOKEN", bridgeReadToken);
        if (mediamtx.isPresent()) {
            env.put("MEDIAMTX_API_URL", "http://127.0.0.1:9997");
            env.put("MEDIAMTX_API_TOKEN", mediamtxApiToken);
            env.put("MEDIAMTX_HOOK_SECRET", hookSecret);
            env.put("MEDIAMTX_WEBRTC_URL", "http://localhost:8889");
            env.put("MEDIAMTX_HLS_URL", "http://localhost:8888");
        }
        return env;
    }

    Map<String, String> bridgeEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("AUTOSTART_INPUT_URL", mediamtx.isPresent() ? "rtsp://127.0.0.1:8554/playroom?token=" + bridgeReadToken
                : "srt://127.0.0.1:" + ingestPort + "?mode=listener");
        env.put("BRIDGE_API_TOKEN", bridgeApiToken);
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

    private static final String MEDIAMTX_RTMP = "rtmp://127.0.0.1:1935";

    @Override
    public String toString() {
        return "LocalSettings[dataDir=" + dataDir + ", controlPort=" + controlPort + ", controlInternalPort="
                + controlInternalPort + ", bridgeApiPort=" + bridgeApiPort
                + ", ingestPort=" + ingestPort + ", mediamtx=" + mediamtx.map(Path::toString).orElse("none") + "]";
    }

    private static int port(EnvReader in, String key, int fallback) {
        return in.integer(key, fallback, 0, 65_535);
    }
}
