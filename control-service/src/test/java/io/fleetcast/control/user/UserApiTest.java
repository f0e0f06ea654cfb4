package io.fleetcast.control.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserApiTest {
    private TestServer server;
    private TestClient client;

    @BeforeAll
    void start(TestStores stores) {
        server = TestServer.start(stores);
        client = server.client();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void signsUpLogsInAndKnowsWhoIAm() {
        TestClient.Reply created = client.post("/api/users", Map.of("name", "alice", "password", "s3cret-pass"), null);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("role").asText()).isEqualTo("user");
        assertThat(created.body()).doesNotContain("s3cret-pass").doesNotContain("argon2");

        TestClient.Session session = client.login("alice", "s3cret-pass");
        TestClient.Reply me = client.get("/api/me", session.token());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("name").asText()).isEqualTo("alice");
        assertThat(me.json().get("id").asLong()).isEqualTo(session.userId());
    }

    @Test
    void storesOnlyAPasswordHash() throws Exception {
        client.post("/api/users", Map.of("name", "hashme", "password", "plain-text-pw"), null);
        var db = server.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT password_hash FROM users WHERE name = 'hashme'")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain("plain-text-pw");
        }
    }

    @Test
    void rejectsWrongPasswordAndUnknownUserAlike() {
        client.post("/api/users", Map.of("name", "bob", "password", "bob-password"), null);
        TestClient.Reply wrong = client.post("/api/login", Map.of("name", "bob", "password", "nope-nope"), null);
        TestClient.Reply unknown = client.post("/api/login", Map.of("name", "nobody", "password", "nope-nope"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json()).isEqualTo(unknown.json());
    }

    @Test
    void refusesATakenName() {
        client.post("/api/users", Map.of("name", "carol", "password", "carol-password"), null);
        TestClient.Reply again = client.post("/api/users", Map.of("name", "carol", "password", "other-password"), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("conflict");
    }

    @Test
    void onlyAnOperatorCreatesOperators() {
        Map<String, String> body = Map.of("name", "root2", "password", "root-password", "role", "operator");
        assertThat(client.post("/api/users", body, null).status()).isEqualTo(403);
        TestClient.Session user = client.signUp("dave");
        assertThat(client.post("/api/users", body, user.token()).status()).isEqualTo(403);
        server.server().users().create("root", "root-password", Role.OPERATOR);
        TestClient.Session operator = client.login("root", "root-password");
        TestClient.Reply created = client.post("/api/users", body, operator.token());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("role").asText()).isEqualTo("operator");
    }

    @Test
    void meNeedsAValidToken() {
        assertThat(client.get("/api/me", null).status()).isEqualTo(401);
        assertThat(client.get("/api/me", "garbage").status()).isEqualTo(401);
        TestClient.Reply basic = client.send("GET", "/api/me", null, null, null);
        assertThat(basic.error()).isEqualTo("unauthorized");
    }
}
