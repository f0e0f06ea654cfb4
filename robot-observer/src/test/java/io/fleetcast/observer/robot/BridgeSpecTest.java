package io.fleetcast.observer.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BridgeSpecTest {
    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("stdout", new StdioSpec()),
                Arguments.of("synthetic", new SyntheticSpec()),
                Arguments.of("udp://127.0.0.1:9000", new UdpSpec("127.0.0.1", 9000, 0)),
                Arguments.of("udp://robot.local:9000?listen=9001", new UdpSpec("robot.local", 9000, 9001)),
                Arguments.of("unix:/run/robot.sock", new UnixSpec(Path.of("/run/robot.sock"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void parsesEachForm(String value, BridgeSpec expected) {
        assertThat(BridgeSpec.parse(value)).isEqualTo(expected);
    }

    @Test
    void defaultsToTheSyntheticRobot() {
        assertThat(BridgeSpec.fromEnv(Map.of())).isEqualTo(new SyntheticSpec());
    }

    @ParameterizedTest
    @ValueSource(strings = {"serial:/dev/ttyUSB0", "udp://127.0.0.1", "udp://127.0.0.1:99999",
            "udp://127.0.0.1:9000?listen=x", "udp://127.0.0.1:9000?port=1", "unix:relative.sock", "unix:"})
    void badValueIsNamedWithTheKey(String value) {
        assertThatThrownBy(() -> BridgeSpec.fromEnv(Map.of("ROBOT_LINK", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ROBOT_LINK has a bad value '" + value.replaceFirst("\\?.*", "?<redacted>") + "'");
    }
}
