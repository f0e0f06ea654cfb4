package io.fleetcast.control.mediamtx;

import io.fleetcast.control.auth.MediaProtocol;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@link SessionKicker} over MediaMTX v1.20.1's control API ({@code MEDIAMTX_API_URL}, e.g.
 * {@code http://mediamtx:9997}): {@code POST /v3/<kind>/kick/<id>}. The auth request's
 * {@code protocol} does not say whether TLS was used, so RTSP tries {@code rtspsessions} then
 * {@code rtspssessions}, RTMP {@code rtmpconns} then {@code rtmpsconns}: a 404 means "not
 * there", and the next kind is tried. MediaMTX asks the auth webhook about every API call
 * (action {@code api}), so each call carries the service credential ({@code MEDIAMTX_API_TOKEN})
 * as a bearer token, which MediaMTX forwards as the webhook's {@code token}.
 */
public final class MediaMtxApi implements SessionKicker, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MediaMtxApi.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    public MediaMtxApi(URI base, String token) {
        this.authorization = "Bearer " + token;
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The API's collection names a session of this protocol may be in, in the order tried. */
    static List<String> kinds(MediaProtocol protocol) {
        return switch (protocol) {
            case RTSP -> List.of("rtspsessions", "rtspssessions");
            case RTMP -> List.of("rtmpconns", "rtmpsconns");
            case WEBRTC -> List.of("webrtcsessions");
            case SRT -> List.of("srtconns");
            case HLS -> List.of("hlssessions");
            case MOQ -> List.of("moqsessions");
            case NONE -> List.of();
        };
    }

    @Override
    public void kick(MediaProtocol protocol, UUID id) {
        kickAsync(protocol, id);
    }

    /** Completes with the collection the session was kicked from, or null when none had it. */
    CompletableFuture<String> kickAsync(MediaProtocol protocol, UUID id) {
        return tryKinds(kinds(protocol), 0, id).whenComplete((kind, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "kicking MediaMTX session " + id + " failed: " + error.getMessage());
            } else if (kind == null) {
                LOG.log(Level.DEBUG, "MediaMTX session {0} was already gone", id);
            } else {
                LOG.log(Level.INFO, "kicked MediaMTX {0} {1}", kind, id);
            }
        });
    }

    private CompletableFuture<String> tryKinds(List<String> kinds, int index, UUID id) {
        if (index >= kinds.size()) {
            return CompletableFuture.completedFuture(null);
        }
        String kind = kinds.get(index);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v3/" + kind + "/kick/" + id))
                .timeout(TIMEOUT).header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenCompose(response -> {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return CompletableFuture.completedFuture(kind);
            }
            if (status == 404) {
                return tryKinds(kinds, index + 1, id);
            }
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "POST /v3/" + kind + "/kick/" + id + " answered " + status));
        });
    }

    @Override
    public void close() {
        http.close();
    }
}
