package io.fleetcast.observer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.observer.camera.CameraSpec;
import io.fleetcast.observer.push.PushTarget;
import io.fleetcast.quality.QualityState;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObserverConfigTest {
    private static final String KEY = "Zm9vYmFyLXN0cmVhbS1rZXk";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("ROBOT_ID", "12", "STREAM_KEY", KEY));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void defaultsStreamTheSyntheticSceneOverRtmpWithoutAControlSocket() {
        ObserverConfig config = ObserverConfig.fromEnv(env());
        assertThat(config.cameras()).containsExactly(new CameraSpec.Synthetic(1280, 720, 30));
        assertThat(config.target().protocol()).isEqualTo(PushTarget.Protocol.RTMP);
        assertThat(config.target().url()).isEqualTo("rtmp://localhost:1935/robot_12?user=robot_12&pass=" + KEY);
        assertThat(config.target().describe()).isEqualTo("rtmp://localhost:1935/robot_12").doesNotContain(KEY);
        assertThat(config.control()).isNull();
        assertThat(config.maxDelay().toMillis()).isEqualTo(700);
        assertThat(config.deadman().timeout().toMillis()).isEqualTo(500);
        assertThat(config.dryRun()).isFalse();
    }

    @Test
    void readsCamerasGatewayAndLimits() {
        ObserverConfig config = ObserverConfig.fromEnv(env("CAMERAS", "v4l2:/dev/video0, file:/clips/a.mp4,rtsp://cam/1,synthetic:640x360@24",
                "GATEWAY_URL", "srt://media:8890", "QUALITY_CAP", "medium", "CONTROL_URL", "http://control:8080"));
        assertThat(config.cameras()).containsExactly(new CameraSpec.V4l2("/dev/video0"), new CameraSpec.File("/clips/a.mp4"),
                new CameraSpec.Network("rtsp://cam/1"), new CameraSpec.Synthetic(640, 360, 24));
        assertThat(config.target().url()).isEqualTo("srt://media:8890?pkt_size=1316&latency=200000").doesNotContain(KEY);
        assertThat(config.target().ioOptions()).containsEntry("streamid", "publish:robot_12:robot_12:" + KEY);
        assertThat(config.startLimits().cap()).isEqualTo(QualityState.MEDIUM);
        assertThat(config.control().socketUri().toString()).isEqualTo("ws://control:8080/control/robot_12");
    }

    @Test
    void thePlayroomRobotPublishesThePlayroomPath() {
        assertThat(ObserverConfig.fromEnv(env("PUSH_PATH", "playroom")).target().url())
                .isEqualTo("rtmp://localhost:1935/playroom?user=playroom&pass=" + KEY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ROBOT_ID|x|ROBOT_ID",
        "CAMERAS|webcam|CAMERAS",
        "CAMERAS|synthetic:big|CAMERAS",
        "GATEWAY_URL|http://media|GATEWAY_URL",
        "ENCODERS|libx265|ENCODERS",
        "GOP_SECONDS|0|GOP_SECONDS",
        "MAX_DELAY_MS|soon|MAX_DELAY_MS",
        "QUALITY_PIN|4K|QUALITY_PIN",
        "RECONNECT_MAX_MS|10|RECONNECT_MAX_MS",
        "PUSH_PATH|../etc|PUSH_PATH",
        "X264_PRESET|turbo|X264_PRESET",
        "OBSERVER_DEADMAN_MS|5|OBSERVER_DEADMAN_MS",
        "ROBOT_LINK|carrier-pigeon|ROBOT_LINK",
        "DRY_RUN|maybe|DRY_RUN",
        "GATEWAY_AUTH|password|GATEWAY_AUTH must be one of key, jwt",
        "GATEWAY_AUTH|jwt|GATEWAY_AUTH=jwt needs CONTROL_URL",
    })
    void aBadValueIsRefusedNamingItsKey(String key, String value, String named) {
        assertThatThrownBy(() -> ObserverConfig.fromEnv(env(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    @Test
    void aBadCameraUrlIsNamedWithoutItsPassword() {
        assertThatThrownBy(() -> ObserverConfig.fromEnv(env("CAMERAS", "rtsp://admin:camera-pw@cam/1,webcam")))
                .hasMessageContaining("CAMERAS").satisfies(e -> assertThat(e.getMessage()).doesNotContain("camera-pw"));
    }

    @Test
    void aMissingStreamKeyIsNamed() {
        Map<String, String> env = env();
        env.remove("STREAM_KEY");
        assertThatThrownBy(() -> ObserverConfig.fromEnv(env)).hasMessageContaining("STREAM_KEY is required");
    }
}
