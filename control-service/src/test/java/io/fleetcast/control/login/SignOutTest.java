package io.fleetcast.control.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.testing.Eventually;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Log-out and password change take tokens back on every instance within a second. The cache
 * TTL is an hour here, so only the cross-instance message can make that happen.
 */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignOutTest {
    private static final Map<String, String> LONG_TTL = Map.of("ACCESS_CACHE_TTL_SECONDS", "3600");
    private static final Duration A_SECOND = Duration.ofSeconds(1);

    private TestServer a;
    private TestServer b;

    @BeforeAll
    void start(TestStores stores) {
        a = TestServer.start(stores, LONG_TTL, new OwnerDrivesPlayroom());
        b = TestServer.onDatabase(stores, a.database(), LONG_TTL, new OwnerDrivesPlayroom());
    }

    @AfterAll
    void stop() {
        b.close();
        a.close();
    }

    @Test
    void aLoggedOutTokenIsRefusedOnBothInstancesWithinASecond() {
        TestClient.Session laptop = a.client().signUp("erin");
        TestClient.Session phone = a.client().login("erin", "password-erin");
        // Both instances have checked (and cached) the token before it is taken back.
        assertThat(me(a, laptop.token())).isEqualTo(200);
        assertThat(me(b, laptop.token())).isEqualTo(200);

        TestClient.Reply out = a.client().post("/api/auth/logout", "", laptop.token());
        assertThat(out.status()).isEqualTo(204);

        Eventually.status(() -> me(b, laptop.token()), 401, A_SECOND);
        assertThat(me(a, laptop.token())).isEqualTo(401);
        assertThat(a.client().get("/api/me", laptop.token()).error()).isEqualTo("unauthorized");
        // Only that token: the same user's other session goes on.
        assertThat(me(a, phone.token())).isEqualTo(200);
        assertThat(me(b, phone.token())).isEqualTo(200);
        // Logging out twice is refused like any other dead token.
        assertThat(b.client().post("/api/auth/logout", "", laptop.token()).status()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeVoidsEveryOlderTokenAndAnswersWithAFreshOne() {
        TestClient.Session first = a.client().signUp("frank");
        TestClient.Session second = b.client().login("frank", "password-frank");
        assertThat(me(a, second.token())).isEqualTo(200);
        assertThat(me(b, first.token())).isEqualTo(200);

        TestClient.Reply changed = a.client().post("/api/auth/password",
                Map.of("currentPassword", "password-frank", "newPassword", "a-new-password"), first.token());
        assertThat(changed.status()).isEqualTo(200);
        String fresh = changed.json().get("token").asText();
        assertThat(changed.json().get("user").get("name").asText()).isEqualTo("frank");

        Eventually.status(() -> me(b, first.token()), 401, A_SECOND);
        Eventually.status(() -> me(b, second.token()), 401, A_SECOND);
        assertThat(me(a, first.token())).isEqualTo(401);
        assertThat(me(a, fresh)).isEqualTo(200);
        assertThat(me(b, fresh)).isEqualTo(200);

        assertThat(a.client().post("/api/login", Map.of("name", "frank", "password", "password-frank"), null)
                .status()).isEqualTo(401);
        assertThat(b.client().login("frank", "a-new-password").token()).isNotBlank();
    }

    @Test
    void aPasswordChangeNeedsTheRightCurrentPasswordAndAValidNewOne() {
        TestClient.Session grace = a.client().signUp("grace");
        TestClient.Reply wrong = a.client().post("/api/auth/password",
                Map.of("currentPassword", "not-her-password", "newPassword", "a-new-password"), grace.token());
        assertThat(wrong.status()).isEqualTo(403);
        TestClient.Reply tooShort = a.client().post("/api/auth/password",
                Map.of("currentPassword", "password-grace", "newPassword", "short"), grace.token());
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("message").asText()).contains("password");
        TestClient.Reply anonymous = a.client().post("/api/auth/password",
                Map.of("currentPassword", "password-grace", "newPassword", "a-new-password"), null);
        assertThat(anonymous.status()).isEqualTo(401);
        // Nothing changed: the token and the old password still work.
        assertThat(me(b, grace.token())).isEqualTo(200);
        assertThat(a.client().login("grace", "password-grace").token()).isNotBlank();
    }

    @Test
    void aRevokedTokenCannotReadMediaOrOpenASocket() {
        TestClient.Session heidi = a.client().signUp("heidi");
        TestClient.NewRobot robot = a.client().createRobot(heidi, "rover", "private");
        assertThat(read(b, robot.path(), heidi.token())).isEqualTo(200);
        assertThat(a.client().post("/api/auth/logout", "", heidi.token()).status()).isEqualTo(204);
        Eventually.status(() -> read(b, robot.path(), heidi.token()), 403, A_SECOND);
        assertThat(read(a, robot.path(), heidi.token())).isEqualTo(403);
        assertThat(a.client().get("/control/robot_" + robot.id() + "?token=" + heidi.token(), null).status())
                .isEqualTo(401);
    }

    private static int me(TestServer server, String token) {
        return server.client().get("/api/me", token).status();
    }

    static int read(TestServer server, String path, String token) {
        return server.internal().post("/internal/auth", MediaMtxBody.of("read", path, "webrtc")
                .ip("203.0.113.30").token(token).toMap(), null).status();
    }
}
