package io.fleetcast.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.CallRecorder;
import io.fleetcast.control.testing.LogCapture;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.control.user.Role;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run of the service that touches every secret it handles (configured secrets, passwords
 * right and wrong, tokens, stream keys old and new, the MediaMTX credential) through logins,
 * password changes, log-out, disabling, robots and key rotation, the auth webhook with secrets
 * in every field and in the query (allowed, denied, rate-limited, malformed), and control
 * sockets (admitted and refused), with every log line captured at every level: none holds any
 * secret, nor its first or last 16 characters.
 */
@ExtendWith(StoresExtension.class)
class SecretsStayOutOfLogsTest {
    private static final String API_TOKEN = "mediamtx-api-credential-" + UUID.randomUUID();
    private static final String BRIDGE_TOKEN = "bridge-read-token-" + UUID.randomUUID();
    private static final String OPERATOR_PASSWORD = "operator-password-" + UUID.randomUUID();
    private static final String PLAYROOM_KEY = "playroomkey" + UUID.randomUUID().toString().replace("-", "");

    private final Set<String> secrets = new LinkedHashSet<>(List.of(TestServer.SECRET, API_TOKEN, BRIDGE_TOKEN,
            OPERATOR_PASSWORD, PLAYROOM_KEY));

    @Test
    void noLogLineHoldsASecret(TestStores stores) {
        List<LogCapture.Line> lines;
        try (LogCapture logs = LogCapture.start(); CallRecorder mediamtx = CallRecorder.answering(path -> 200)) {
            Map<String, String> env = Map.of("MEDIAMTX_API_URL", mediamtx.uri().toString(), "MEDIAMTX_API_TOKEN", API_TOKEN,
                    "BRIDGE_READ_TOKEN", BRIDGE_TOKEN, "BOOTSTRAP_OPERATOR", "ops",
                    "BOOTSTRAP_OPERATOR_PASSWORD", OPERATOR_PASSWORD, "BOOTSTRAP_PLAYROOM_KEY", PLAYROOM_KEY,
                    "AUTH_FAILURE_LIMIT", "3");
            try (TestServer server = TestServer.start(stores, env, new OwnerDrivesPlayroom())) {
                exercise(server);
            }
            lines = logs.lines();
        }
        assertThat(lines).as("the run logged something to check").hasSizeGreaterThan(10);
        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            for (String part : parts(secret)) {
                lines.stream().filter(l -> l.text().contains(part)).forEach(l -> leaks.add(l.logger() + " " + l.level()
                        + " holds (part of) a secret"));
            }
        }
        assertThat(leaks).as(secrets.size() + " secrets over " + lines.size() + " log lines").isEmpty();
    }

    private void exercise(TestServer server) {
        TestClient api = server.client();
        TestClient.Session owner = keep(api.signUp("owner"));
        secrets.add("password-owner");
        TestClient.Session viewer = keep(api.signUp("viewer"));
        secrets.add("password-viewer");
        String wrong = secret("wrong-password-");
        api.post("/api/login", Map.of("name", "owner", "password", wrong), null);
        api.post("/api/login", Map.of("name", "nobody", "password", wrong), null);
        api.send("GET", "/api/me", null, null, null, Map.of("Authorization", "Bearer " + wrong));
        String operator = secret(api.login("ops", OPERATOR_PASSWORD).token());

        TestClient.NewRobot robot = api.createRobot(owner, "rover", "private");
        secrets.add(robot.streamKey());
        api.post("/api/robots/" + robot.id() + "/permissions", Map.of("user", "viewer", "permission", "view"),
                owner.token());
        String rotated = secret(api.post("/api/robots/" + robot.id() + "/key", Map.of(), owner.token()).json()
                .get("streamKey").asText());

        TestClient hook = server.internal();
        for (String key : List.of(rotated, robot.streamKey(), wrong)) {
            hook.post("/internal/auth", MediaMtxBody.of("publish", robot.path(), "rtmp").ip("198.51.100.7")
                    .user(robot.path(), key).query("user=" + robot.path() + "&pass=" + key).toMap(), null);
            hook.post("/internal/auth", MediaMtxBody.of("publish", robot.path(), "srt").ip("198.51.100.8")
                    .query("streamid=publish:" + robot.path() + ":" + robot.path() + ":" + key).toMap(), null);
        }
        for (String token : List.of(viewer.token(), owner.token(), wrong, operator)) {
            hook.post("/internal/auth", MediaMtxBody.of("read", robot.path(), "webrtc").ip("198.51.100.9")
                    .token(token).query("token=" + token).toMap(), null);
        }
        hook.post("/internal/auth", MediaMtxBody.of("read", "playroom", "rtsp").token(BRIDGE_TOKEN).toMap(), null);
        hook.post("/internal/auth", MediaMtxBody.of("api", "", "").token(API_TOKEN).toMap(), null);
        hook.post("/internal/auth", MediaMtxBody.of("teleport", robot.path(), "rtmp").user("x", rotated).toMap(), null);
        hook.postRaw("/internal/auth", "{\"ip\":\"not an ip " + rotated + "\",\"password\":\"" + rotated + "\"}",
                "application/json", null);
        hook.postRaw("/internal/auth", "call=publish&name=" + robot.path() + "&pass=" + rotated,
                "application/x-www-form-urlencoded", null);

        try (Probe robotSocket = Probe.welcomed(socket(server, robot, "key=" + rotated));
             Probe ownerSocket = Probe.welcomed(socket(server, robot, "token=" + owner.token()))) {
            ownerSocket.send("{\"type\":\"command\",\"seq\":1,\"action\":\"go\",\"args\":{\"note\":\"" + wrong + "\"}}");
            robotSocket.await("command");
        }
        catchThrowable(() -> Probe.open(socket(server, robot, "key=" + robot.streamKey())));
        catchThrowable(() -> Probe.open(socket(server, robot, "token=" + wrong)));

        String newPassword = secret("new-password-" + UUID.randomUUID());
        String changed = secret(api.post("/api/auth/password", Map.of("currentPassword", "password-owner",
                "newPassword", newPassword), owner.token()).json().get("token").asText());
        api.post("/api/auth/password", Map.of("currentPassword", wrong, "newPassword", secret("other-" + wrong)),
                changed);
        api.post("/api/auth/logout", Map.of(), changed);
        hook.post("/internal/auth", MediaMtxBody.of("read", robot.path(), "webrtc").token(viewer.token())
                .toMap(), null);
        api.post("/api/admin/users/" + viewer.userId() + "/disable", "", operator);
        server.server().users().create("late", secret("late-password-" + UUID.randomUUID()), Role.USER);
    }

    private TestClient.Session keep(TestClient.Session session) {
        secrets.add(session.token());
        return session;
    }

    private String secret(String value) {
        secrets.add(value);
        return value;
    }

    /** The secret, its first and last 16 characters, and a JWT's signature. */
    private static List<String> parts(String secret) {
        List<String> parts = new ArrayList<>(List.of(secret));
        if (secret.length() >= 24) {
            parts.add(secret.substring(0, 16));
            parts.add(secret.substring(secret.length() - 16));
        }
        if (secret.chars().filter(c -> c == '.').count() == 2) {
            parts.add(secret.substring(secret.lastIndexOf('.') + 1));
            parts.remove(secret.substring(0, 16)); // every JWT starts with the same header
        }
        return parts;
    }

    private static URI socket(TestServer server, TestClient.NewRobot robot, String query) {
        return URI.create("ws://127.0.0.1:" + server.server().port() + "/control/" + robot.path() + "?" + query);
    }
}
