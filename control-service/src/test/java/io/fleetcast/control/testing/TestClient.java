package io.fleetcast.control.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small JSON-over-HTTP client for tests, with helpers for the common account steps. */
public final class TestClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    TestClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public Reply get(String path, String token) {
        return send("GET", path, null, null, token);
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, null, null, token);
    }

    public Reply post(String path, Object json, String token) {
        return send("POST", path, json(json), "application/json", token);
    }

    /** Posts a body exactly as given (malformed JSON, forms). */
    public Reply postRaw(String path, String body, String contentType, String token) {
        return send("POST", path, body, contentType, token);
    }

    public Reply send(String method, String path, String body, String contentType, String token) {
        return send(method, path, body, contentType, token, Map.of());
    }

    /** With extra request headers (e.g. {@code X-Forwarded-For}). */
    public Reply send(String method, String path, String body, String contentType, String token,
                      Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs up a user and logs in; returns the token. */
    public Session signUp(String name) {
        Reply created = post("/api/users", Map.of("name", name, "password", "password-" + name), null);
        if (created.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + created);
        }
        return login(name, "password-" + name);
    }

    public Session login(String name, String password) {
        Reply login = post("/api/login", Map.of("name", name, "password", password), null);
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        JsonNode body = login.json();
        return new Session(body.get("user").get("id").asLong(), name, body.get("token").asText());
    }

    /** Creates a robot for the session's user; returns its id and stream key. */
    public NewRobot createRobot(Session owner, String name, String kind) {
        Reply reply = post("/api/robots", Map.of("name", name, "kind", kind), owner.token());
        if (reply.status() != 201) {
            throw new IllegalStateException("robot creation failed: " + reply);
        }
        return new NewRobot(reply.json().get("robot").get("id").asLong(), reply.json().get("streamKey").asText());
    }

    static String json(Object value) {
        if (value instanceof String text) {
            return text;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A logged-in user. */
    public record Session(long userId, String name, String token) {
    }

    /** A robot just created, with its one-time stream key. */
    public record NewRobot(long id, String streamKey) {
        public String path() {
            return "robot_" + id;
        }
    }

    /** An HTTP answer. */
    public record Reply(int status, String body, String contentType, Map<String, List<String>> headers) {
        /** The first value of a response header (names compared case-insensitively), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String error() {
            return json().path("error").asText();
        }
    }
}
