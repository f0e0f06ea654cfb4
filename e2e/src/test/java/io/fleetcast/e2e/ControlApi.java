package io.fleetcast.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The control service's public HTTP API, as a page or a script uses it. */
final class ControlApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A signed-in user. */
    record User(long id, String name, String token) {
    }

    /** A robot and the stream key it was given (once). */
    record Robot(long id, String path, String streamKey) {
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ControlApi(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /** Creates an account (role user) and signs it in. */
    User signUp(String name, String password) {
        post("/api/users", null, Map.of("name", name, "password", password), 201);
        return signIn(name, password);
    }

    User signIn(String name, String password) {
        JsonNode reply = post("/api/login", null, Map.of("name", name, "password", password), 200);
        return new User(reply.path("user").path("id").asLong(), name, reply.path("token").asText());
    }

    Robot createRobot(User owner, String name, String kind) {
        JsonNode reply = post("/api/robots", owner.token(), Map.of("name", name, "kind", kind), 201);
        return new Robot(reply.path("robot").path("id").asLong(), reply.path("robot").path("path").asText(),
                reply.path("streamKey").asText());
    }

    JsonNode post(String path, String token, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError("POST " + path + " answered " + response.statusCode() + " (expected "
                        + expected + "): " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("POST " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
