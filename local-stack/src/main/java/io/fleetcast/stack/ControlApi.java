package io.fleetcast.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The control service's public HTTP API, as a page or a script uses it; errors name the call and the answer. */
public final class ControlApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A signed-in user. */
    public record User(long id, String name, String token) {
    }

    /** A robot and the stream key it was given (once). */
    public record Robot(long id, String path, String streamKey) {
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ControlApi(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** Creates an account (role user) and signs it in. */
    public User signUp(String name, String password) {
        post("/api/users", null, Map.of("name", name, "password", password), 201);
        return signIn(name, password);
    }

    public User signIn(String name, String password) {
        JsonNode reply = post("/api/login", null, Map.of("name", name, "password", password), 200);
        return new User(reply.path("user").path("id").asLong(), name, reply.path("token").asText());
    }

    public Robot createRobot(User owner, String name, String kind) {
        JsonNode reply = post("/api/robots", owner.token(), Map.of("name", name, "kind", kind), 201);
        return new Robot(reply.path("robot").path("id").asLong(), reply.path("robot").path("path").asText(),
                reply.path("streamKey").asText());
    }

    public JsonNode post(String path, String token, Object body, int expected) {
        try {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token, expected);
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + ": " + e.getMessage(), e);
        }
    }

    public JsonNode get(String path, String token) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), token, 200);
    }

    /** Signs in, or null when the name or password is wrong (401). */
    public User trySignIn(String name, String password) {
        try {
            return signIn(name, password);
        } catch (Rejected e) {
            if (e.status() == 401) {
                return null;
            }
            throw e;
        }
    }

    /** The robots {@code user} owns ({@code GET /api/robots}). */
    public JsonNode robots(User user) {
        return get("/api/robots", user.token());
    }

    /** A new stream key for robot {@code id} (the old one stops working). */
    public String rotateKey(User owner, long id) {
        return post("/api/robots/" + id + "/key", owner.token(), Map.of(), 200).path("streamKey").asText();
    }

    private JsonNode send(HttpRequest.Builder request, String token, int expected) {
        HttpRequest built = (token == null ? request : request.header("Authorization", "Bearer " + token))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new Rejected(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode()
                        + " (expected " + expected + "): " + response.body(), response.statusCode());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The service answered with another status than expected. */
    public static final class Rejected extends IllegalStateException {
        private final int status;

        Rejected(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
