package io.fleetcast.observer.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.media.MediaException;
import io.fleetcast.observer.push.PushAuth;
import io.fleetcast.observer.push.PushTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * MediaMTX's JWT mode on the robot: before each connection the stream key is exchanged at the
 * control service ({@code POST /api/media/publish-token}) for a publish token that lives about
 * a minute, and the push carries that token instead of the key. A failed exchange fails the
 * connection attempt, which the publisher retries with its backoff.
 */
public final class MediaTokenExchange implements PushAuth {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI endpoint;
    private final long robotId;
    private final String streamKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public MediaTokenExchange(ControlSettings control) {
        this.endpoint = control.controlUrl().resolve("/api/media/publish-token");
        this.robotId = control.robotId();
        this.streamKey = control.streamKey();
    }

    @Override
    public PushTarget connectTo(PushTarget target) {
        try {
            String body = JSON.writeValueAsString(Map.of("robot", robotId, "streamKey", streamKey));
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new MediaException("the control service refused a publish token (" + reply.statusCode() + " from "
                        + endpoint + ")");
            }
            JsonNode token = JSON.readTree(reply.body()).path("token");
            if (!token.isTextual() || token.asText().isEmpty()) {
                throw new MediaException("the control service answered no publish token (" + endpoint + ")");
            }
            return target.withToken(token.asText());
        } catch (IOException e) {
            throw new MediaException("asking " + endpoint + " for a publish token failed: " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted while asking for a publish token", 0, e);
        }
    }
}
