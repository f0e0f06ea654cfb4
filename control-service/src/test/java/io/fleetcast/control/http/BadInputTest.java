package io.fleetcast.control.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input on every endpoint: a clear JSON error with the right status, never a 500. */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private TestServer server;
    private TestClient client;
    private String token;
    private long robotId;

    @BeforeAll
    void start(TestStores stores) {
        server = TestServer.start(stores);
        client = server.client();
        TestClient.Session owner = client.signUp("owner");
        token = owner.token();
        robotId = client.createRobot(owner, "rover", "private").id();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> answersBadInputWithAJsonError() {
        String robot = "/api/robots/" + robotId;
        String longName = "x".repeat(65);
        return Stream.of(
                row("POST", "/api/users", "{\"name\":", false, 400, "malformed JSON"),
                row("POST", "/api/users", "[]", false, 400, "malformed JSON"),
                row("POST", "/api/users", "null", false, 400, "JSON object"),
                row("POST", "/api/users", "{}", false, 400, "name"),
                row("POST", "/api/users", "{\"name\":\"../etc\",\"password\":\"long-enough\"}", false, 400, "name"),
                row("POST", "/api/users", "{\"name\":\"" + longName + "\",\"password\":\"long-enough\"}", false, 400, "name"),
                row("POST", "/api/users", "{\"name\":\"ok\",\"password\":\"short\"}", false, 400, "password"),
                row("POST", "/api/users", "{\"name\":5,\"password\":\"long-enough\"}", false, 400, "malformed"),
                row("POST", "/api/users", "{\"name\":\"ok\",\"password\":\"long-enough\",\"role\":\"king\"}", false, 400,
                        "role"),
                row("POST", "/api/users", "{\"name\":\"ok\",\"password\":\"long-enough\"} trailing", false, 400,
                        "malformed"),
                row("POST", "/api/login", "{\"name\":\"owner\"}", false, 400, "password"),
                row("POST", "/api/login", "not json", false, 400, "malformed"),
                row("POST", "/api/robots", "{\"name\":\"r\"}", false, 401, "token"),
                row("POST", "/api/robots", "{", true, 400, "malformed"),
                row("POST", "/api/robots", "{}", true, 400, "robot name"),
                row("POST", "/api/robots", "{\"name\":\"\"}", true, 400, "robot name"),
                row("POST", "/api/robots", "{\"name\":\"a/../b\"}", true, 400, "robot name"),
                row("POST", "/api/robots", "{\"name\":\"" + longName + "\"}", true, 400, "robot name"),
                row("POST", "/api/robots", "{\"name\":\"r\",\"kind\":\"public\"}", true, 400, "kind"),
                row("POST", "/api/robots", "{\"name\":[1]}", true, 400, "malformed"),
                row("GET", "/api/robots/abc", null, true, 400, "id"),
                row("GET", "/api/robots/-1", null, true, 400, "id"),
                row("GET", "/api/robots/99999999999999999999", null, true, 400, "id"),
                row("DELETE", "/api/robots/0", null, true, 400, "id"),
                row("POST", "/api/robots/x/key", null, true, 400, "id"),
                row("POST", robot + "/permissions", "{", true, 400, "malformed"),
                row("POST", robot + "/permissions", "{\"user\":\"\",\"permission\":\"view\"}", true, 400, "user"),
                row("POST", robot + "/permissions", "{\"user\":\"owner\"}", true, 400, "permission"),
                row("DELETE", "/api/robots/x/permissions/owner/view", null, true, 400, "id"),
                row("DELETE", robot + "/permissions/owner/fly", null, true, 400, "permission"),
                row("GET", "/api/robots", null, false, 401, "token"),
                row("GET", "/nothing/here", null, false, 404, "no such endpoint"),
                row("GET", "/internal/auth", null, false, 404, "no such endpoint"),
                row("PUT", "/api/robots", "{}", true, 404, "no such endpoint"),
                row("POST", "/api/users", "{\"name\":\"big\",\"password\":\"" + "p".repeat(2 * 1024 * 1024) + "\"}",
                        false, 413, ""));
    }

    private DynamicTest row(String method, String path, String body, boolean withToken, int status, String mentions) {
        return DynamicTest.dynamicTest(method + " " + path + " " + (body == null ? "" : abbreviate(body)) + " -> " + status,
                () -> {
                    TestClient.Reply reply = client.send(method, path, body, body == null ? null : "application/json",
                            withToken ? token : null);
                    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
                    assertThat(reply.contentType()).startsWith("application/json");
                    assertThat(reply.json().get("error").asText()).isNotEmpty();
                    assertThat(reply.json().get("message").asText()).containsIgnoringCase(mentions);
                });
    }

    private static String abbreviate(String body) {
        return body.length() > 40 ? body.substring(0, 40) + "..." : body;
    }
}
