package io.fleetcast.control.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.control.user.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MediaMTX's control API and metrics go through the webhook (action {@code api}/{@code metrics})
 * and are allowed only with the service credential (MEDIAMTX_API_TOKEN, sent as a bearer token or
 * basic-auth password) or an operator's token: a stream key, a user's token, a near-miss of the
 * credential or nothing is refused, and the credential opens nothing else.
 */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaMtxApiAccessTest {
    private static final String SERVICE = "mediamtx-service-credential-0123456789";

    private TestServer server;
    private TestClient.NewRobot robot;
    private String user;
    private String operator;

    @BeforeAll
    void start(TestStores stores) {
        server = TestServer.start(stores, Map.of("MEDIAMTX_API_TOKEN", SERVICE), new OwnerDrivesPlayroom());
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
    void serviceCredentialAndOperatorsReachTheApiAndMetrics() {
        for (String action : List.of("api", "metrics")) {
            assertThat(ask(action, "", Credential.BEARER, SERVICE)).as(action + " with the bearer credential").isEqualTo(200);
            assertThat(ask(action, "", Credential.USER_PASS_COPIED, SERVICE)).as(action + " with basic auth").isEqualTo(200);
            assertThat(ask(action, "", Credential.BEARER, operator)).as(action + " by an operator").isEqualTo(200);
        }
    }

    @Test
    void everythingElseIsRefusedTheApiAndMetrics() {
        for (String action : List.of("api", "metrics")) {
            assertThat(ask(action, "", Credential.NONE, "")).as(action + " without credential").isEqualTo(401);
            assertThat(ask(action, "", Credential.BEARER, SERVICE + "x")).isEqualTo(403);
            assertThat(ask(action, "", Credential.BEARER, SERVICE.substring(1))).isEqualTo(403);
            assertThat(ask(action, "", Credential.BEARER, user)).as(action + " by a user").isEqualTo(403);
            assertThat(ask(action, "", Credential.RTMP_USER_PASS, robot.streamKey())).as("a stream key").isEqualTo(403);
        }
        assertThat(ask("pprof", "", Credential.BEARER, SERVICE)).isEqualTo(403);
    }

    @Test
    void serviceCredentialOpensNoStream() {
        assertThat(ask("publish", robot.path(), Credential.RTMP_USER_PASS, SERVICE)).isEqualTo(403);
        assertThat(ask("read", robot.path(), Credential.BEARER, SERVICE)).isEqualTo(403);
        assertThat(ask("playback", robot.path(), Credential.BEARER, SERVICE)).isEqualTo(403);
    }

    private int ask(String action, String path, Credential form, String secret) {
        String protocol = switch (action) {
            case "publish" -> "rtmp";
            case "read" -> "webrtc";
            default -> "";
        };
        MediaMtxBody body = form.apply(MediaMtxBody.of(action, path, protocol).ip("10.0.0.7"), secret);
        return server.internal().post("/internal/auth", body.toMap(), null).status();
    }
}
