package io.fleetcast.control.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.socket.ControlSockets;
import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.CallRecorder;
import io.fleetcast.control.testing.Eventually;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator disables an account: on both instances its tokens stop, its control sockets
 * close, /internal/auth refuses its reads and the MediaMTX sessions those reads opened are
 * kicked through the API (a recording server stands in for it). Enabling lets it log in again.
 */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisableUserTest {
    private static final Duration SOON = Duration.ofSeconds(2);

    private CallRecorder mediamtx;
    private TestServer a;
    private TestServer b;
    private String operator;

    @BeforeAll
    void start(TestStores stores) {
        mediamtx = CallRecorder.answering(path -> 200);
        Map<String, String> env = Map.of("ACCESS_CACHE_TTL_SECONDS", "3600", "MEDIAMTX_API_URL", mediamtx.uri().toString(),
                "MEDIAMTX_API_TOKEN", "service-credential-0123456789");
        a = TestServer.start(stores, env, new OwnerDrivesPlayroom());
        b = TestServer.onDatabase(stores, a.database(), env, new OwnerDrivesPlayroom());
        a.server().users().create("root", "root-password", Role.OPERATOR);
        operator = a.client().login("root", "root-password").token();
    }

    @AfterAll
    void stop() {
        b.close();
        a.close();
        mediamtx.close();
    }

    @Test
    void disablingStopsTokensSocketsAndMediaReadsOnEveryInstance() {
        TestClient.Session ivan = a.client().signUp("ivan");
        TestClient.Session other = a.client().signUp("judy");
        TestClient.NewRobot robot = a.client().createRobot(ivan, "rover", "private");
        UUID webrtc = UUID.randomUUID();
        UUID rtsp = UUID.randomUUID();
        assertThat(read(a, robot.path(), "webrtc", ivan.token(), webrtc)).isEqualTo(200);
        assertThat(read(b, robot.path(), "rtsp", ivan.token(), rtsp)).isEqualTo(200);
        try (Probe onA = Probe.welcomed(socket(a, robot.id(), ivan.token()));
             Probe onB = Probe.welcomed(socket(b, robot.id(), ivan.token()))) {

            TestClient.Reply disabled = b.client().post("/api/admin/users/" + ivan.userId() + "/disable", "", operator);
            assertThat(disabled.status()).isEqualTo(200);
            assertThat(disabled.json().get("disabled").asBoolean()).isTrue();

            Eventually.status(() -> me(a, ivan.token()), 401, Duration.ofSeconds(1));
            assertThat(me(b, ivan.token())).isEqualTo(401);
            assertThat(onA.closeCode()).isEqualTo(ControlSockets.REVOKED);
            assertThat(onB.closeCode()).isEqualTo(ControlSockets.REVOKED);
            assertThat(read(a, robot.path(), "webrtc", ivan.token(), UUID.randomUUID())).isEqualTo(403);
            assertThat(read(b, robot.path(), "hls", ivan.token(), UUID.randomUUID())).isEqualTo(403);
            mediamtx.await("POST /v3/webrtcsessions/kick/" + webrtc, SOON);
            mediamtx.await("POST /v3/rtspsessions/kick/" + rtsp, SOON);
        }
        Throwable reconnect = catchThrowable(() -> Probe.open(socket(a, robot.id(), ivan.token())));
        assertThat(reconnect).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) reconnect.getCause()).getResponse().statusCode()).isEqualTo(401);
        TestClient.Reply login = a.client().post("/api/login", Map.of("name", "ivan", "password", "password-ivan"), null);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.json().get("message").asText()).contains("disabled");
        // Nobody else is touched.
        assertThat(me(b, other.token())).isEqualTo(200);
    }

    @Test
    void enablingLetsTheUserLogInAgainWhileOldTokensStayVoid() {
        TestClient.Session kim = a.client().signUp("kim");
        assertThat(a.client().post("/api/admin/users/" + kim.userId() + "/disable", "", operator).status()).isEqualTo(200);
        Eventually.status(() -> me(b, kim.token()), 401, Duration.ofSeconds(1));

        TestClient.Reply enabled = a.client().post("/api/admin/users/" + kim.userId() + "/enable", "", operator);
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
        String fresh = b.client().login("kim", "password-kim").token();
        assertThat(me(a, fresh)).isEqualTo(200);
        assertThat(me(b, fresh)).isEqualTo(200);
        assertThat(me(a, kim.token())).isEqualTo(401);
    }

    @Test
    void onlyOperatorsDisableAndNeverThemselves() {
        TestClient.Session leo = a.client().signUp("leo");
        TestClient.Session mia = a.client().signUp("mia");
        assertThat(a.client().post("/api/admin/users/" + mia.userId() + "/disable", "", leo.token()).status())
                .isEqualTo(403);
        assertThat(a.client().post("/api/admin/users/" + mia.userId() + "/disable", "", null).status()).isEqualTo(401);
        assertThat(a.client().post("/api/admin/users/999999/disable", "", operator).status()).isEqualTo(404);
        long self = a.client().get("/api/me", operator).json().get("id").asLong();
        assertThat(a.client().post("/api/admin/users/" + self + "/disable", "", operator).status()).isEqualTo(409);
        assertThat(me(a, mia.token())).isEqualTo(200);
        TestClient.Reply list = a.client().get("/api/admin/users", operator);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"mia\"").doesNotContain("argon2");
        assertThat(a.client().get("/api/admin/users", leo.token()).status()).isEqualTo(403);
    }

    private static int me(TestServer server, String token) {
        return server.client().get("/api/me", token).status();
    }

    private static int read(TestServer server, String path, String protocol, String token, UUID session) {
        Map<String, Object> body = MediaMtxBody.of("read", path, protocol).ip("203.0.113.40").token(token).toMap();
        body.put("id", session.toString());
        return server.internal().post("/internal/auth", body, null).status();
    }

    private static URI socket(TestServer server, long robot, String token) {
        return URI.create("ws://127.0.0.1:" + server.server().port() + "/control/robot_" + robot + "?token=" + token);
    }
}
