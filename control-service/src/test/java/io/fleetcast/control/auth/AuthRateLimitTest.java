package io.fleetcast.control.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthRateLimitTest {
    private TestServer server;
    private TestClient client;
    private TestClient.NewRobot robot;

    @BeforeAll
    void start(TestStores stores) {
        server = TestServer.start(stores, Map.of("AUTH_FAILURE_LIMIT", "3"), new OwnerDrivesPlayroom());
        client = server.client();
        robot = client.createRobot(client.signUp("owner"), "rover", "private");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void refusesAnAddressAfterRepeatedFailuresEvenWithTheRightKey() {
        for (int i = 0; i < 3; i++) {
            assertThat(publish("198.51.100.1", "guess-" + i).status()).isEqualTo(403);
        }
        TestClient.Reply limited = publish("198.51.100.1", robot.streamKey());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("too_many_requests");
    }

    @Test
    void bruteForceFromOneAddressNeverLocksOutAnother() {
        for (int i = 0; i < 10; i++) {
            publish("198.51.100.2", "guess-" + i);
        }
        assertThat(publish("198.51.100.2", robot.streamKey()).status()).isEqualTo(429);
        assertThat(publish("198.51.100.3", robot.streamKey()).status()).isEqualTo(200);
        assertThat(publish("198.51.100.3", "one-wrong-guess").status()).isEqualTo(403);
    }

    @Test
    void credentialChallengesAreNotCountedAsFailures() {
        for (int i = 0; i < 6; i++) {
            assertThat(publish("198.51.100.4", "").status()).isEqualTo(401);
        }
        assertThat(publish("198.51.100.4", robot.streamKey()).status()).isEqualTo(200);
    }

    private TestClient.Reply publish(String ip, String key) {
        MediaMtxBody body = MediaMtxBody.of("publish", robot.path(), "rtsp").ip(ip);
        if (!key.isEmpty()) {
            body = Credential.USER_PASS_COPIED.apply(body, key);
        }
        return server.internal().post("/internal/auth", body.toMap(), null);
    }
}
