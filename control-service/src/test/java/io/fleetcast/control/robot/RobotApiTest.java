package io.fleetcast.control.robot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.control.user.Role;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RobotApiTest {
    private TestServer server;
    private TestClient client;
    private Session alice;
    private Session bob;

    @BeforeAll
    void start(TestStores stores) {
        server = TestServer.start(stores);
        client = server.client();
        alice = client.signUp("alice");
        bob = client.signUp("bob");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void createsARobotAndShowsItsKeyOnce() throws Exception {
        TestClient.Reply created = client.post("/api/robots", Map.of("name", "rover one"), alice.token());
        assertThat(created.status()).isEqualTo(201);
        JsonNode robot = created.json().get("robot");
        String key = created.json().get("streamKey").asText();
        assertThat(key).matches("[A-Za-z0-9_-]{43}");
        assertThat(robot.get("kind").asText()).isEqualTo("private");
        assertThat(robot.get("path").asText()).isEqualTo("robot_" + robot.get("id").asLong());
        assertThat(robot.get("ownerId").asLong()).isEqualTo(alice.userId());

        TestClient.Reply fetched = client.get("/api/robots/" + robot.get("id").asLong(), alice.token());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).doesNotContain(key).doesNotContain("streamKey");
        assertThat(storedHash(robot.get("id").asLong())).isEqualTo(StreamKey.hash(key));
    }

    @Test
    void listsOnlyMyRobots() {
        Session carol = client.signUp("carol");
        client.createRobot(carol, "c1", "private");
        client.createRobot(carol, "c2", "private");
        client.createRobot(bob, "b1", "private");
        JsonNode mine = client.get("/api/robots", carol.token()).json();
        assertThat(mine).hasSize(2);
        assertThat(mine.findValuesAsText("name")).containsExactly("c1", "c2");
    }

    @Test
    void onlyTheOwnerSeesRotatesOrDeletes() {
        TestClient.NewRobot robot = client.createRobot(alice, "private one", "private");
        String path = "/api/robots/" + robot.id();
        assertThat(client.get(path, bob.token()).status()).isEqualTo(403);
        assertThat(client.post(path + "/key", Map.of(), bob.token()).status()).isEqualTo(403);
        assertThat(client.delete(path, bob.token()).status()).isEqualTo(403);
        assertThat(client.get(path, null).status()).isEqualTo(401);
        assertThat(client.get(path, alice.token()).status()).isEqualTo(200);
    }

    @Test
    void rotatedKeyReplacesTheOldOneAtOnce() {
        TestClient.NewRobot robot = client.createRobot(alice, "rotating", "private");
        assertThat(publish(robot.path(), robot.streamKey())).isEqualTo(200);

        TestClient.Reply rotated = client.post("/api/robots/" + robot.id() + "/key", Map.of(), alice.token());
        assertThat(rotated.status()).isEqualTo(200);
        String newKey = rotated.json().get("streamKey").asText();
        assertThat(newKey).isNotEqualTo(robot.streamKey());

        assertThat(publish(robot.path(), robot.streamKey())).isEqualTo(403);
        assertThat(publish(robot.path(), newKey)).isEqualTo(200);
    }

    @Test
    void deletedRobotCanNoLongerPublish() {
        TestClient.NewRobot robot = client.createRobot(alice, "doomed", "private");
        assertThat(publish(robot.path(), robot.streamKey())).isEqualTo(200);
        assertThat(client.delete("/api/robots/" + robot.id(), alice.token()).status()).isEqualTo(204);
        assertThat(client.get("/api/robots/" + robot.id(), alice.token()).status()).isEqualTo(404);
        assertThat(client.delete("/api/robots/" + robot.id(), alice.token()).status()).isEqualTo(404);
        assertThat(publish(robot.path(), robot.streamKey())).isEqualTo(403);
    }

    @Test
    void onlyOperatorsCreateTheSinglePlayroomRobot() {
        assertThat(client.post("/api/robots", Map.of("name", "pr", "kind", "playroom"), alice.token()).status())
                .isEqualTo(403);
        server.server().users().create("op", "op-password", Role.OPERATOR);
        Session op = client.login("op", "op-password");
        TestClient.Reply first = client.post("/api/robots", Map.of("name", "pr", "kind", "playroom"), op.token());
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("robot").get("path").asText()).isEqualTo("playroom");
        TestClient.Reply second = client.post("/api/robots", Map.of("name", "pr2", "kind", "playroom"), op.token());
        assertThat(second.status()).isEqualTo(409);
        assertThat(publish("playroom", first.json().get("streamKey").asText())).isEqualTo(200);
    }

    @Test
    void unknownRobotIsNotFound() {
        assertThat(client.get("/api/robots/987654", alice.token()).status()).isEqualTo(404);
        assertThat(client.post("/api/robots/987654/key", Map.of(), alice.token()).status()).isEqualTo(404);
    }

    private int publish(String path, String key) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("ip", "203.0.113.9");
        body.put("user", path);
        body.put("password", key);
        body.put("token", key);
        body.put("action", "publish");
        body.put("path", path);
        body.put("protocol", "rtmp");
        body.put("id", UUID.randomUUID().toString());
        body.put("query", "user=" + path + "&pass=" + key);
        body.put("userAgent", "");
        return server.internal().post("/internal/auth", body, null).status();
    }

    private byte[] storedHash(long robotId) throws Exception {
        var db = server.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement st = c.prepareStatement("SELECT stream_key_hash FROM robots WHERE id = ?")) {
            st.setLong(1, robotId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
