package io.fleetcast.observer.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ControlSettingsTest {
    private static final String KEY = "s3cr3t-Key_0123456789";

    private static Map<String, String> env(String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of("CONTROL_URL", "http://control:8080", "ROBOT_ID", "12",
                "STREAM_KEY", KEY));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                env.remove(overrides[i]);
            } else {
                env.put(overrides[i], overrides[i + 1]);
            }
        }
        return env;
    }

    @Test
    void readsDefaultsAndBuildsTheSocketAddress() {
        ControlSettings settings = ControlSettings.fromEnv(env());
        assertThat(settings.socketUri()).isEqualTo(URI.create("ws://control:8080/control/robot_12"));
        assertThat(settings.statePeriod()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.metricsPeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ControlSettings.fromEnv(env("CONTROL_URL", "https://fleet.example")).socketUri())
                .isEqualTo(URI.create("wss://fleet.example/control/robot_12"));
    }

    @Test
    void neverShowsTheStreamKey() {
        assertThat(ControlSettings.fromEnv(env()).toString()).doesNotContain(KEY).contains("robot_12");
        assertThatThrownBy(() -> ControlSettings.fromEnv(env("STREAM_KEY", "bad key " + KEY)))
                .hasMessageContaining("STREAM_KEY").message().doesNotContain(KEY);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("CONTROL_URL", null, "CONTROL_URL is required"),
                Arguments.of("CONTROL_URL", "ftp://control", "ftp://control"),
                Arguments.of("CONTROL_URL", "http://exa mple", "exa mple"),
                Arguments.of("ROBOT_ID", "twelve", "twelve"),
                Arguments.of("ROBOT_ID", "0", "ROBOT_ID must be a positive integer, got 0"),
                Arguments.of("STREAM_KEY", "", "STREAM_KEY is required"),
                Arguments.of("OBSERVER_STATE_HZ", "0", "OBSERVER_STATE_HZ must be 1..100, got 0"),
                Arguments.of("OBSERVER_STATE_HZ", "fast", "fast"),
                Arguments.of("OBSERVER_METRICS_MS", "10", "OBSERVER_METRICS_MS must be >= 50, got 10"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void badValueNamesTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> ControlSettings.fromEnv(env(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key).hasMessageContaining(message);
    }
}
