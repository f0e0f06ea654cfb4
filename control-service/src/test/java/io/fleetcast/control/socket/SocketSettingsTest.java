package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketSettingsTest {

    @Test
    void relaySubscribersDefaultToOnePerCoreAndFollowTheEnvironment() {
        assertThat(SocketSettings.fromEnv(Map.of()).relaySubscribers())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(SocketSettings.fromEnv(Map.of("CONTROL_RELAY_SUBSCRIBERS", "")).relaySubscribers())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(SocketSettings.fromEnv(Map.of("CONTROL_RELAY_SUBSCRIBERS", "6")).relaySubscribers())
                .isEqualTo(6);
    }

    @Test
    void badRelaySubscriberCountsAreRefusedByName() {
        assertThatThrownBy(() -> SocketSettings.fromEnv(Map.of("CONTROL_RELAY_SUBSCRIBERS", "0")))
                .hasMessageContaining("CONTROL_RELAY_SUBSCRIBERS");
        assertThatThrownBy(() -> SocketSettings.fromEnv(Map.of("CONTROL_RELAY_SUBSCRIBERS", "many")))
                .hasMessageContaining("CONTROL_RELAY_SUBSCRIBERS");
    }
}
