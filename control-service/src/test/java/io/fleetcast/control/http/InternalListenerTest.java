package io.fleetcast.control.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.control.user.Role;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auth webhook, every other {@code /internal/} route and {@code /metrics} answer only on the
 * internal listener; the public listener answers a JSON 404 for them however the path is spelt
 * (operators read the metrics there through {@code /api/admin/metrics}), and the internal
 * listener serves nothing of the public API.
 */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InternalListenerTest {
    private TestServer server;
    private TestClient.NewRobot robot;
    private String user;
    private String operator;

    @BeforeAll
    void start(TestStores stores) {
        server = TestServer.start(stores);
        TestClient.Session owner = server.client().signUp("owner");
        user = owner.token();
        robot = server.client().createRobot(owner, "rover", "private");
        server.server().users().create("ops", "ops-password", Role.OPERATOR);
        operator = server.client().login("ops", "ops-password").token();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void authWebhookAndMetricsAnswerOnTheInternalListener() {
        assertThat(server.server().internalPort()).isNotEqualTo(server.server().port());
        assertThat(server.internal().post("/internal/auth", publish(), null).status()).isEqualTo(200);
        TestClient.Reply metrics = server.internal().get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("fleetcast_auth_decisions_total");
        assertThat(server.internal().get("/health", null).status()).as("probes may use either port").isEqualTo(200);
    }

    @Test
    void publicListenerAnswersNotFoundForInternalRoutes() {
        for (String path : new String[] {"/internal/auth", "/%69nternal/auth", "/internal/recordings", "/internal"}) {
            TestClient.Reply reply = server.client().post(path, publish(), null);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(404);
            assertThat(reply.error()).isEqualTo("not_found");
        }
        TestClient.Reply metrics = server.client().get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(404);
        assertThat(metrics.body()).doesNotContain("fleetcast_auth");
    }

    @Test
    void operatorsReadTheMetricsOnThePublicListenerWithTheirToken() {
        assertThat(server.client().get("/api/admin/metrics", null).status()).isEqualTo(401);
        assertThat(server.client().get("/api/admin/metrics", user).status()).isEqualTo(403);
        TestClient.Reply metrics = server.client().get("/api/admin/metrics", operator);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("fleetcast_control_sockets");
    }

    @Test
    void internalListenerServesNoPublicRoute() {
        assertThat(server.internal().post("/api/login", Map.of("name", "owner", "password", "password-owner"), null)
                .status()).isEqualTo(404);
        assertThat(server.internal().get("/api/stream/info", null).status()).isEqualTo(404);
        assertThat(server.internal().get("/", null).status()).isEqualTo(404);
    }

    @Test
    void ruleSplitsPathsByPrefix() {
        assertThat(Listener.internal("/internal/recordings")).isTrue();
        assertThat(Listener.internal("/metrics")).isTrue();
        assertThat(Listener.internal("/internalise")).isFalse();
        assertThat(Listener.internal("/api/metrics")).isFalse();
        assertThat(Listener.PUBLIC.serves("/health")).isTrue();
        assertThat(Listener.INTERNAL.serves("/health")).isTrue();
        assertThat(Listener.INTERNAL.serves("/api/robots")).isFalse();
    }

    private Map<String, Object> publish() {
        return MediaMtxBody.of("publish", robot.path(), "rtmp").user(robot.path(), robot.streamKey()).toMap();
    }
}
