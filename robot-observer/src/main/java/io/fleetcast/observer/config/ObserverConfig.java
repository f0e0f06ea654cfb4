package io.fleetcast.observer.config;

import io.fleetcast.config.ConfigException;
import io.fleetcast.config.EnvReader;
import io.fleetcast.media.retry.Backoff;
import io.fleetcast.observer.camera.CameraSpec;
import io.fleetcast.observer.control.ControlSettings;
import io.fleetcast.observer.encode.LiveCodecs;
import io.fleetcast.observer.push.PushTarget;
import io.fleetcast.observer.robot.BridgeSpec;
import io.fleetcast.observer.safety.DeadmanSettings;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityState;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the observer is configured with, read once from the environment (documented in
 * {@code config/observer.env}). {@code control} is null when {@code CONTROL_URL} is unset:
 * the robot then streams without a control socket.
 */
public record ObserverConfig(List<CameraSpec> cameras, PushTarget target, LiveCodecs codecs, double gopSeconds,
                             double bufferSeconds, Duration maxDelay, Duration samplePeriod, Backoff reconnect,
                             Duration cameraStall, Limits startLimits, BridgeSpec robotLink,
                             DeadmanSettings deadman, ControlSettings control, GatewayAuth gatewayAuth,
                             boolean dryRun) {
    /** How the push proves itself: the stream key in the URL, or a media token (MediaMTX's JWT mode). */
    public enum GatewayAuth { KEY, JWT }

    private static final List<String> X264_PRESETS = List.of("ultrafast", "superfast", "veryfast", "faster", "fast",
            "medium", "slow", "slower", "veryslow");

    public static ObserverConfig fromEnv(Map<String, String> environment) {
        EnvReader env = new EnvReader(environment);
        List<CameraSpec> cameras = env.parsed("CAMERAS", "synthetic", CameraSpec::parseList);
        if (env.text("ROBOT_ID", null) == null) {
            throw new ConfigException("ROBOT_ID is required (the robot's id, printed by create-robot)");
        }
        long robotId = env.longInteger("ROBOT_ID", 0, 1, Long.MAX_VALUE);
        String key = environment.get("STREAM_KEY");
        if (key == null || key.isBlank()) {
            throw new ConfigException("STREAM_KEY is required (the robot's stream key, shown once when the robot was created)");
        }
        String path = env.parsed("PUSH_PATH", "robot_" + robotId, text -> {
            if (!text.matches("[a-z0-9_]{1,64}")) {
                throw new IllegalArgumentException("is not a media path of 1-64 of [a-z0-9_]");
            }
            return text;
        });
        PushTarget target = env.parsed("GATEWAY_URL", "rtmp://localhost:1935", url -> PushTarget.of(url, path, key.strip()));
        LiveCodecs codecs = env.parsed("ENCODERS", String.join(",", LiveCodecs.KNOWN),
                text -> new LiveCodecs(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                        env.parsed("X264_PRESET", "veryfast", ObserverConfig::preset)));
        double gop = env.decimal("GOP_SECONDS", 2.0, 0.5, 10);
        double buffer = env.decimal("VBV_SECONDS", 0.5, 0.1, 4);
        Duration maxDelay = Duration.ofMillis(env.longInteger("MAX_DELAY_MS", 700, 100, 10_000));
        Duration sample = Duration.ofMillis(env.longInteger("SAMPLE_MS", 100, 20, 1000));
        long reconnectMin = env.longInteger("RECONNECT_MIN_MS", 1000, 10, 600_000);
        long reconnectMax = env.longInteger("RECONNECT_MAX_MS", 30_000, reconnectMin, 3_600_000);
        Duration stall = Duration.ofMillis(env.longInteger("CAMERA_STALL_MS", 3000, 200, 60_000));
        QualityState cap = env.parsed("QUALITY_CAP", "", ObserverConfig::state);
        QualityState pin = env.parsed("QUALITY_PIN", "", ObserverConfig::state);
        Limits limits = env.parsed("QUALITY_PIN", "", text -> new Limits(cap, pin));
        BridgeSpec link = BridgeSpec.fromEnv(environment);
        DeadmanSettings deadman = DeadmanSettings.fromEnv(environment);
        ControlSettings control = env.text("CONTROL_URL", null) == null ? null : ControlSettings.fromEnv(environment);
        GatewayAuth gatewayAuth = env.choice("GATEWAY_AUTH", GatewayAuth.KEY);
        if (gatewayAuth == GatewayAuth.JWT && control == null) {
            throw new ConfigException("GATEWAY_AUTH=jwt needs CONTROL_URL: the publish token comes from the control service");
        }
        return new ObserverConfig(cameras, target, codecs, gop, buffer, maxDelay, sample,
                new Backoff(Duration.ofMillis(reconnectMin), Duration.ofMillis(reconnectMax)), stall, limits, link,
                deadman, control, gatewayAuth, env.flag("DRY_RUN"));
    }

    private static String preset(String text) {
        if (!X264_PRESETS.contains(text)) {
            throw new IllegalArgumentException("is not an x264 preset " + X264_PRESETS);
        }
        return text;
    }

    private static QualityState state(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return QualityState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not one of " + Arrays.toString(QualityState.values()), e);
        }
    }
}
