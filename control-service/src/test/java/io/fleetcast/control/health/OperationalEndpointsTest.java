package io.fleetcast.control.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health}, {@code /metrics} and {@code /api/stream/info}. */
@ExtendWith(StoresExtension.class)
class OperationalEndpointsTest {
    @Test
    void healthReportsDatabaseAndRedis(TestStores stores) {
        try (TestServer server = TestServer.start(stores)) {
            TestClient.Reply health = server.client().get("/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().get("database").asText()).isEqualTo("UP");
            assertThat(health.json().get("redis").asText()).isEqualTo("UP");
            assertThat(health.json().path("parts").path("webhook").path("state").asText())
                    .as("the webhook is off until ALERT_WEBHOOK_URL is set").isEqualTo("OFF");
        }
    }

    @Test
    void healthSaysTheWebhookIsOnOnceItsUrlIsSet(TestStores stores) {
        try (TestServer server = TestServer.start(stores,
                Map.of("ALERT_WEBHOOK_URL", "https://hooks.example.com/services/T0/B0/secret"), null)) {
            TestClient.Reply health = server.client().get("/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("parts").path("webhook").path("state").asText()).isEqualTo("UP");
            assertThat(health.body()).doesNotContain("secret");
        }
    }

    @Test
    void healthSaysWhichOptionalPartsAreOn(TestStores stores, @TempDir Path recordings) {
        try (TestServer server = TestServer.start(stores)) {
            var parts = server.client().get("/health", null).json().path("parts");
            assertThat(parts.path("recordings").path("state").asText()).isEqualTo("OFF");
            assertThat(parts.path("mediamtxHooks").path("state").asText()).isEqualTo("OFF");
            assertThat(parts.path("mediamtxApi").path("state").asText()).isEqualTo("OFF");
            assertThat(parts.path("mediaJwt").path("state").asText()).isIn("OFF", "UP");
        }
        try (TestServer server = TestServer.start(stores, Map.of("RECORDINGS_DIR", recordings.toString(),
                "MEDIAMTX_HOOK_SECRET", "hook-secret-of-the-health-test"), null)) {
            TestClient.Reply health = server.client().get("/health", null);
            assertThat(health.json().path("parts").path("recordings").path("state").asText()).isEqualTo("UP");
            assertThat(health.json().path("parts").path("mediamtxHooks").path("state").asText()).isEqualTo("UP");
            assertThat(health.body()).doesNotContain("hook-secret-of-the-health-test");
        }
    }

    @Test
    void metricsExposeAuthDecisionsLatencyAndPool(TestStores stores) {
        try (TestServer server = TestServer.start(stores)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ip", "203.0.113.30");
            body.put("user", "");
            body.put("password", "");
            body.put("token", "");
            body.put("action", "read");
            body.put("path", "playroom");
            body.put("protocol", "hls");
            body.put("id", null);
            body.put("query", "");
            body.put("userAgent", "");
            server.internal().post("/internal/auth", body, null);
            TestClient.Reply metrics = server.internal().get("/metrics", null);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("fleetcast_auth_decisions_total{action=\"read\",result=\"allow\",service=\"control\"} 1.0")
                    .contains("fleetcast_auth_duration_seconds_bucket")
                    .contains("hikaricp_connections_active")
                    .contains("jvm_memory_used_bytes")
                    .contains("fleetcast_relay_publish_seconds_bucket");
        }
    }

    @Test
    void streamInfoFallsBackToMediamtxHlsWithoutACdn(TestStores stores) {
        Map<String, String> env = Map.of("MEDIAMTX_WEBRTC_URL", "http://media.lan:8889/",
                "MEDIAMTX_HLS_URL", "http://media.lan:8888");
        try (TestServer server = TestServer.start(stores, env, new OwnerDrivesPlayroom())) {
            JsonNode info = server.client().get("/api/stream/info", null).json();
            assertThat(info.get("webrtcBaseUrl").asText()).isEqualTo("http://media.lan:8889");
            assertThat(info.get("hlsBaseUrl").asText()).isEqualTo("http://media.lan:8888");
            assertThat(info.get("playroomPlaylistUrl").asText()).isEqualTo("http://media.lan:8888/playroom/index.m3u8");
            assertThat(info.get("playroomWhepUrl").asText()).isEqualTo("http://media.lan:8889/playroom/whep");
        }
    }

    @Test
    void streamInfoPointsSpectatorsAtTheCdn(TestStores stores) {
        Map<String, String> env = Map.of("CDN_BASE_URL", "https://cdn.example.com/live");
        try (TestServer server = TestServer.start(stores, env, new OwnerDrivesPlayroom())) {
            JsonNode info = server.client().get("/api/stream/info", null).json();
            assertThat(info.get("playroomPlaylistUrl").asText())
                    .isEqualTo("https://cdn.example.com/live/master.m3u8");
        }
    }
}
