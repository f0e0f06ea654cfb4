package io.fleetcast.control.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances on one database and one Redis: a change made through one reaches the other's
 * access cache through Redis pub/sub, long before the cache TTL (set to an hour here).
 */
@ExtendWith(StoresExtension.class)
class CrossInstanceInvalidationTest {
    private static final Map<String, String> LONG_TTL = Map.of("ACCESS_CACHE_TTL_SECONDS", "3600");

    @Test
    void rotationAndRevocationOnOneInstanceApplyOnTheOther(TestStores stores) throws Exception {
        try (TestServer a = TestServer.start(stores, LONG_TTL, new OwnerDrivesPlayroom());
             TestServer b = TestServer.onDatabase(stores, a.database(), LONG_TTL, new OwnerDrivesPlayroom())) {
            TestClient.Session owner = a.client().signUp("owner");
            TestClient.Session friend = a.client().signUp("friend");
            TestClient.NewRobot robot = a.client().createRobot(owner, "rover", "private");
            a.server().permissions().grant(robot.id(), friend.userId(), Permission.VIEW);

            // b caches the robot: old key and the grant are known there.
            assertThat(publish(b.internal(), robot.path(), robot.streamKey())).isEqualTo(200);
            assertThat(read(b.internal(), robot.path(), friend.token())).isEqualTo(200);

            String newKey = a.server().robots().rotateKey(robot.id()).orElseThrow();
            a.server().permissions().revoke(robot.id(), friend.userId(), Permission.VIEW);

            awaitStatus(() -> publish(b.internal(), robot.path(), robot.streamKey()), 403);
            assertThat(publish(b.internal(), robot.path(), newKey)).isEqualTo(200);
            awaitStatus(() -> read(b.internal(), robot.path(), friend.token()), 403);
        }
    }

    private static void awaitStatus(IntSupplier call, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status = call.getAsInt();
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = call.getAsInt();
        }
        assertThat(status).isEqualTo(expected);
    }

    private static int publish(TestClient client, String path, String key) {
        return client.post("/internal/auth", MediaMtxBody.of("publish", path, "rtmp").ip("203.0.113.20").token(key)
                .toMap(), null).status();
    }

    private static int read(TestClient client, String path, String token) {
        return client.post("/internal/auth", MediaMtxBody.of("read", path, "webrtc").ip("203.0.113.20").token(token)
                .toMap(), null).status();
    }

}
