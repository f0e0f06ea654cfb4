package io.fleetcast.control.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.store.PostgresTarget;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A compose stack's first start needs no manual step, and every later start changes nothing but the key. */
@ExtendWith(StoresExtension.class)
class BootstrapTest {
    private static final String PASSWORD = "operator password 1";
    private static final String KEY = "playroom-camera-key-0123456789";
    private static final String BRIDGE = "bridge-read-token-0123456789abcdef";

    @Test
    void theOperatorThePlayroomAndTheBridgesCredentialComeFromTheEnvironmentOnEveryStart(TestStores stores) {
        PostgresTarget database = stores.freshDatabase();
        Map<String, String> env = new HashMap<>(Map.of("BOOTSTRAP_OPERATOR", "ops", "BOOTSTRAP_OPERATOR_PASSWORD",
                PASSWORD, "BOOTSTRAP_PLAYROOM_KEY", KEY, "BRIDGE_READ_TOKEN", BRIDGE));
        try (TestServer first = TestServer.onDatabase(stores, database, env, new OwnerDrivesPlayroom())) {
            TestClient client = first.client();
            TestClient.Session ops = client.login("ops", PASSWORD);
            assertThat(client.get("/api/me", ops.token()).json().get("role").asText()).isEqualTo("operator");
            assertThat(client.get("/api/robots", ops.token()).json()).hasSize(1);
            assertThat(auth(first.internal(), "publish", "rtmp", KEY)).isEqualTo(200);
            assertThat(auth(first.internal(), "publish", "rtmp", "some-other-key-0123456789")).isNotEqualTo(200);
            assertThat(auth(first.internal(), "read", "rtsp", BRIDGE)).as("the bridge reads the playroom").isEqualTo(200);
            assertThat(auth(first.internal(), "read", "webrtc", BRIDGE)).as("but never as a driver").isNotEqualTo(200);
            assertThat(auth(first.internal(), "read", "rtsp", "not-the-bridge-token-0123456789")).isNotEqualTo(200);
        }
        env.put("BOOTSTRAP_PLAYROOM_KEY", KEY + "-rotated");
        env.put("BOOTSTRAP_OPERATOR_PASSWORD", "a different password");
        try (TestServer second = TestServer.onDatabase(stores, database, env, new OwnerDrivesPlayroom())) {
            TestClient client = second.client();
            TestClient.Session ops = client.login("ops", PASSWORD);
            assertThat(client.get("/api/robots", ops.token()).json()).as("still one playroom robot").hasSize(1);
            assertThat(auth(second.internal(), "publish", "rtmp", KEY)).isNotEqualTo(200);
            assertThat(auth(second.internal(), "publish", "rtmp", KEY + "-rotated")).isEqualTo(200);
        }
    }

    @Test
    void badSettingsNameTheirKeyAndNeverTheSecret() {
        assertThatThrownBy(() -> BootstrapSettings.fromEnv(Map.of("BOOTSTRAP_OPERATOR", "ops")))
                .hasMessageContaining("BOOTSTRAP_OPERATOR_PASSWORD");
        assertThatThrownBy(() -> BootstrapSettings.fromEnv(Map.of("BOOTSTRAP_OPERATOR", "ops",
                "BOOTSTRAP_OPERATOR_PASSWORD", PASSWORD, "BOOTSTRAP_PLAYROOM_KEY", "short-key")))
                .hasMessageContaining("BOOTSTRAP_PLAYROOM_KEY").hasMessageNotContaining("short-key");
        assertThatThrownBy(() -> BootstrapSettings.fromEnv(Map.of("BOOTSTRAP_PLAYROOM_KEY", KEY)))
                .hasMessageContaining("BOOTSTRAP_OPERATOR");
        assertThat(BootstrapSettings.fromEnv(Map.of("BRIDGE_READ_TOKEN", BRIDGE)).toString()).doesNotContain(BRIDGE);
    }

    private static int auth(TestClient client, String action, String protocol, String secret) {
        return client.post("/internal/auth", MediaMtxBody.of(action, "playroom", protocol).ip("203.0.113.60")
                .token(secret).toMap(), null).status();
    }
}
