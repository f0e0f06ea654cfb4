package io.fleetcast.control.permission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionApiTest {
    private TestServer server;
    private TestClient client;
    private Session owner;
    private Session friend;
    private Session other;
    private TestClient.NewRobot robot;

    @BeforeAll
    void start(TestStores stores) {
        server = TestServer.start(stores);
        client = server.client();
        owner = client.signUp("owner");
        friend = client.signUp("friend");
        other = client.signUp("other");
        robot = client.createRobot(owner, "rover", "private");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void grantLetsTheUserWatchAndRevokeStopsItAtOnce() {
        String grants = "/api/robots/" + robot.id() + "/permissions";
        assertThat(read(friend)).isEqualTo(403);
        TestClient.Reply granted = client.post(grants, Map.of("user", "friend", "permission", "view"), owner.token());
        assertThat(granted.status()).isEqualTo(201);
        assertThat(read(friend)).isEqualTo(200);
        assertThat(client.post(grants, Map.of("user", "friend", "permission", "view"), owner.token()).status())
                .isEqualTo(200);

        JsonNode list = client.get(grants, owner.token()).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("user").asText()).isEqualTo("friend");
        assertThat(list.get(0).get("permission").asText()).isEqualTo("view");

        assertThat(client.delete(grants + "/friend/view", owner.token()).status()).isEqualTo(204);
        assertThat(read(friend)).isEqualTo(403);
        assertThat(client.delete(grants + "/friend/view", owner.token()).status()).isEqualTo(404);
    }

    @Test
    void driveImpliesView() {
        String grants = "/api/robots/" + robot.id() + "/permissions";
        Session pilot = client.signUp("pilot");
        assertThat(client.post(grants, Map.of("user", "pilot", "permission", "drive"), owner.token()).status())
                .isEqualTo(201);
        assertThat(read(pilot)).isEqualTo(200);
    }

    @Test
    void onlyTheOwnerGrantsOrRevokes() {
        String grants = "/api/robots/" + robot.id() + "/permissions";
        assertThat(client.post(grants, Map.of("user", "other", "permission", "view"), other.token()).status())
                .isEqualTo(403);
        assertThat(client.get(grants, other.token()).status()).isEqualTo(403);
        assertThat(client.delete(grants + "/friend/view", other.token()).status()).isEqualTo(403);
        assertThat(read(other)).isEqualTo(403);
    }

    @Test
    void namesTheMissingUserOrBadPermission() {
        String grants = "/api/robots/" + robot.id() + "/permissions";
        TestClient.Reply missing = client.post(grants, Map.of("user", "ghost", "permission", "view"), owner.token());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText()).contains("ghost");
        TestClient.Reply bad = client.post(grants, Map.of("user", "friend", "permission", "own"), owner.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("view or drive");
        assertThat(client.delete(grants + "/friend/own", owner.token()).status()).isEqualTo(400);
    }

    private int read(Session viewer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ip", "203.0.113.10");
        body.put("user", "");
        body.put("password", "");
        body.put("token", viewer.token());
        body.put("action", "read");
        body.put("path", robot.path());
        body.put("protocol", "webrtc");
        body.put("id", UUID.randomUUID().toString());
        body.put("query", "");
        body.put("userAgent", "Mozilla/5.0");
        return server.internal().post("/internal/auth", body, null).status();
    }
}
