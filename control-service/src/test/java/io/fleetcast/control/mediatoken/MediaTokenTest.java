package io.fleetcast.control.mediatoken;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.auth.PlayroomDriver;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Media tokens for MediaMTX's JWT mode, put to MediaMTX's own rules ({@link MediamtxJwtAuth}). */
@ExtendWith(StoresExtension.class)
class MediaTokenTest {
    @TempDir
    Path dir;

    @Test
    void ownersAndGranteesReadTheirRobotAndNothingElse(TestStores stores) throws Exception {
        try (TestServer server = TestServer.start(stores)) {
            TestClient client = server.client();
            TestClient.Session owner = client.signUp("owner");
            TestClient.Session friend = client.signUp("friend");
            TestClient.Session stranger = client.signUp("stranger");
            TestClient.NewRobot robot = client.createRobot(owner, "rover", "private");
            TestClient.NewRobot other = client.createRobot(stranger, "other", "private");
            assertThat(client.post("/api/robots/" + robot.id() + "/permissions",
                    Map.of("user", "friend", "permission", "view"), owner.token()).status()).isEqualTo(201);
            MediamtxJwtAuth mediamtx = mediamtx(server, Optional.empty(), Optional.empty(), Clock.systemUTC());

            for (TestClient.Session reader : new TestClient.Session[] {owner, friend}) {
                String token = readToken(client, reader, robot.id());
                assertThat(mediamtx.deny("read", robot.path(), token)).isEmpty();
                assertThat(mediamtx.deny("playback", robot.path(), token)).isEmpty();
                assertThat(mediamtx.deny("publish", robot.path(), token)).contains("user doesn't have permission to perform action");
                assertThat(mediamtx.deny("read", other.path(), token)).isPresent();
            }
            assertThat(client.post("/api/media/token", Map.of("robot", robot.id()), stranger.token()).status()).isEqualTo(403);
            assertThat(client.post("/api/media/token", Map.of("robot", robot.id()), null).status()).isEqualTo(401);
            assertThat(client.post("/api/media/token", Map.of("robot", 999_999), owner.token()).status()).isEqualTo(404);
        }
    }

    @Test
    void aRobotExchangesItsStreamKeyForAShortLivedPublishToken(TestStores stores) throws Exception {
        try (TestServer server = TestServer.start(stores)) {
            TestClient client = server.client();
            TestClient.Session owner = client.signUp("owner");
            TestClient.NewRobot robot = client.createRobot(owner, "rover", "private");
            TestClient.Reply reply = client.post("/api/media/publish-token",
                    Map.of("robot", robot.id(), "streamKey", robot.streamKey()), null);
            assertThat(reply.status()).isEqualTo(200);
            String token = reply.json().get("token").asText();
            Instant expires = Instant.parse(reply.json().get("expiresAt").asText());
            assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));

            MediamtxJwtAuth now = mediamtx(server, Optional.empty(), Optional.empty(), Clock.systemUTC());
            assertThat(now.deny("publish", robot.path(), token)).isEmpty();
            assertThat(now.deny("read", robot.path(), token)).isPresent();
            assertThat(now.deny("publish", "robot_" + (robot.id() + 1), token)).isPresent();
            MediamtxJwtAuth later = mediamtx(server, Optional.empty(), Optional.empty(),
                    Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61)));
            assertThat(later.deny("publish", robot.path(), token)).contains("token has invalid claims: token is expired");

            assertThat(client.post("/api/media/publish-token", Map.of("robot", robot.id(), "streamKey", "wrong-key"),
                    null).status()).isEqualTo(401);
            assertThat(client.post("/api/media/publish-token", Map.of("robot", 999_999, "streamKey", robot.streamKey()),
                    null).status()).isEqualTo(401);
        }
    }

    @Test
    void thePlayroomIsReadOverMediamtxOnlyByItsCurrentDriverForSeconds(TestStores stores) throws Exception {
        AtomicLong driver = new AtomicLong();
        PlayroomDriver queue = (userId, playroom) -> userId == driver.get();
        try (TestServer server = TestServer.start(stores, Map.of(), queue)) {
            TestClient client = server.client();
            TestClient.Session keeper = client.signUp("keeper");
            TestClient.Session visitor = client.signUp("visitor");
            long playroom = server.server().robots().create(keeper.userId(), "playroom", RobotKind.PLAYROOM).robot().id();

            assertThat(client.post("/api/media/token", Map.of("robot", playroom), visitor.token()).status()).isEqualTo(403);
            driver.set(visitor.userId());
            String token = readToken(client, visitor, playroom);
            assertThat(mediamtx(server, Optional.empty(), Optional.empty(), Clock.systemUTC())
                    .deny("read", "playroom", token)).isEmpty();
            assertThat(mediamtx(server, Optional.empty(), Optional.empty(),
                    Clock.offset(Clock.systemUTC(), Duration.ofSeconds(31))).deny("read", "playroom", token))
                    .contains("token has invalid claims: token is expired");
        }
    }

    @Test
    void issuerAndAudienceAreTheOnesMediamtxIsToldToExpect(TestStores stores) throws Exception {
        Map<String, String> env = Map.of("MEDIA_JWT_ISSUER", "https://control.example", "MEDIA_JWT_AUDIENCE", "mediamtx");
        try (TestServer server = TestServer.start(stores, env, new OwnerDrivesPlayroom())) {
            TestClient client = server.client();
            TestClient.Session owner = client.signUp("owner");
            TestClient.NewRobot robot = client.createRobot(owner, "rover", "private");
            String token = readToken(client, owner, robot.id());
            Clock now = Clock.systemUTC();
            assertThat(mediamtx(server, Optional.of("https://control.example"), Optional.of("mediamtx"), now)
                    .deny("read", robot.path(), token)).isEmpty();
            assertThat(mediamtx(server, Optional.of("https://other.example"), Optional.empty(), now)
                    .deny("read", robot.path(), token)).contains("token has invalid issuer");
            assertThat(mediamtx(server, Optional.empty(), Optional.of("another-gateway"), now)
                    .deny("read", robot.path(), token)).contains("token has invalid audience");
        }
    }

    /** Rotation as control.env describes it: add the next key, let MediaMTX refresh, switch, drop. */
    @Test
    void keysRotateWithoutATokenBeingRefused(TestStores stores) throws Exception {
        Path keys = dir.resolve("media-keys.json");
        String first = MediaKeys.addKey(keys);
        Map<String, String> env = new HashMap<>(Map.of("MEDIA_JWT_KEYS_FILE", keys.toString()));
        var database = stores.freshDatabase();
        String oldToken;
        MediamtxJwtAuth mediamtx;
        TestClient.NewRobot robot;
        TestClient.Session owner;
        try (TestServer before = TestServer.onDatabase(stores, database, env, new OwnerDrivesPlayroom())) {
            owner = before.client().signUp("owner");
            robot = before.client().createRobot(owner, "rover", "private");
            oldToken = readToken(before.client(), owner, robot.id());
            mediamtx = mediamtx(before, Optional.empty(), Optional.empty(), Clock.systemUTC());
            assertThat(mediamtx.deny("read", robot.path(), oldToken)).isEmpty();
        }
        String next = MediaKeys.addKey(keys);
        env.put("MEDIA_JWT_SIGNING_KID", next);
        try (TestServer after = TestServer.onDatabase(stores, database, env, new OwnerDrivesPlayroom())) {
            String newToken = readToken(after.client(), owner, robot.id());
            // MediaMTX still holds the JWKS it fetched before (one key): hence the hour's wait.
            assertThat(mediamtx.deny("read", robot.path(), newToken)).contains("key not found in the JWKS: " + next);
            mediamtx = mediamtx(after, Optional.empty(), Optional.empty(), Clock.systemUTC());
            assertThat(after.client().get("/.well-known/jwks.json", null).json().get("keys")).hasSize(2);
            assertThat(mediamtx.deny("read", robot.path(), newToken)).isEmpty();
            assertThat(mediamtx.deny("read", robot.path(), oldToken)).as("signed by " + first).isEmpty();
            assertThat(after.client().get("/.well-known/jwks.json", null).body()).doesNotContain("\"d\"");
        }
    }

    @Test
    void productionWithoutAKeysFileKeepsTheJwtModeOff(TestStores stores) {
        try (TestServer server = TestServer.start(stores, Map.of("FLEETCAST_MODE", "production"),
                new OwnerDrivesPlayroom())) {
            TestClient.Reply reply = server.client().get("/.well-known/jwks.json", null);
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body()).contains("MEDIA_JWT_KEYS_FILE");
        }
    }

    private static String readToken(TestClient client, TestClient.Session reader, long robot) {
        TestClient.Reply reply = client.post("/api/media/token", Map.of("robot", robot), reader.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("token").asText();
    }

    private static MediamtxJwtAuth mediamtx(TestServer server, Optional<String> issuer, Optional<String> audience,
                                            Clock clock) {
        URI jwks = server.client().base().resolve("/.well-known/jwks.json");
        return new MediamtxJwtAuth(jwks, issuer, audience, clock);
    }
}
