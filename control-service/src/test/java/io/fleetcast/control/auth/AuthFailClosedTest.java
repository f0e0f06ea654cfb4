package io.fleetcast.control.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.control.store.PostgresTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stops a real PostgreSQL under a running service: auth must answer 503, never allow. */
@ExtendWith(StoresExtension.class)
class AuthFailClosedTest {
    @Test
    void failsClosedWith503WhenPostgresIsDown(TestStores stores) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        PostgresTarget target = new PostgresTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        try (TestServer server = TestServer.onDatabase(stores, target, Map.of(), new OwnerDrivesPlayroom())) {
            TestClient client = server.client();
            TestClient.NewRobot robot = client.createRobot(client.signUp("owner"), "rover", "private");
            assertThat(publish(server.internal(), robot.path(), robot.streamKey()).status()).isEqualTo(200);

            postgres.close();

            // The cached robot and an uncached one both fail closed once the database is gone.
            TestClient.Reply cached = awaitStatus(server.internal(), robot.path(), robot.streamKey(), 503);
            assertThat(cached.error()).isEqualTo("unavailable");
            assertThat(publish(server.internal(), "robot_4242", "anything").status()).isEqualTo(503);
            assertThat(client.get("/health", null).status()).isEqualTo(503);
        } finally {
            postgres.close();
        }
    }

    private static TestClient.Reply awaitStatus(TestClient client, String path, String key, int status)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        TestClient.Reply reply = publish(client, path, key);
        while (reply.status() != status && Instant.now().isBefore(deadline)) {
            assertThat(reply.status()).as("never allowed while the database goes away").isIn(200, status);
            Thread.sleep(100);
            reply = publish(client, path, key);
        }
        assertThat(reply.status()).isEqualTo(status);
        return reply;
    }

    private static TestClient.Reply publish(TestClient client, String path, String key) {
        MediaMtxBody body = Credential.RTMP_USER_PASS.apply(MediaMtxBody.of("publish", path, "rtmp"), key);
        return client.post("/internal/auth", body.toMap(), null);
    }
}
