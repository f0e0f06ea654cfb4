package io.fleetcast.bridge.audio;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;

/**
 * The bridge's audio endpoint (Helidon SE on {@code AUDIO_PORT}): {@code POST /ingest} takes one
 * producer's live audio into the sink, {@code GET /stream} relays it to any number of
 * listeners, both behind {@code Authorization: Bearer <AUDIO_TOKEN>}; {@code GET /health} is open.
 * Without a token there is no endpoint.
 */
public final class AudioEndpoint implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AudioEndpoint.class.getName());
    /** A producer silent this long on its socket is gone: its slot frees up for the next one. */
    private static final Duration SILENT_PRODUCER = Duration.ofSeconds(5);
    private static final Duration LISTENER_WAIT = Duration.ofSeconds(10);
    /** A listener further behind than this (about 2.7 s of PCM, far more of AAC) is dropped. */
    private static final long LISTENER_QUEUE_BYTES = 512 * 1024;

    private final Relay relay;
    private final WebServer server;
    private boolean closed;

    private AudioEndpoint(Relay relay, WebServer server) {
        this.relay = relay;
        this.server = server;
    }

    /** Starts serving on {@code settings.port()}; what producers push goes to {@code sink}. */
    public static AudioEndpoint start(AudioSettings settings, PcmSink sink) {
        if (!settings.endpointEnabled()) {
            throw new IllegalArgumentException("the audio endpoint is off without AUDIO_TOKEN");
        }
        Relay relay = new Relay(LISTENER_QUEUE_BYTES);
        IngestHandler ingest = new IngestHandler(sink, relay, SILENT_PRODUCER);
        StreamHandler stream = new StreamHandler(relay, LISTENER_WAIT);
        BearerCheck bearer = new BearerCheck(settings.token());
        try {
            WebServer server = WebServer.builder()
                    .port(settings.port())
                    // Live bodies have no end: no size limit.
                    .maxPayloadSize(-1)
                    .connectionOptions(options -> options.tcpNoDelay(true))
                    .shutdownGracePeriod(Duration.ofMillis(200))
                    .routing(routing -> routing(routing, bearer, ingest, stream, health(ingest, relay)))
                    .build()
                    .start();
            if (!server.isRunning() || server.port() < 0) {
                // Helidon logs the bind failure and stops instead of throwing.
                server.stop();
                throw new IllegalStateException("the audio endpoint cannot listen on AUDIO_PORT " + settings.port()
                        + " (in use?)");
            }
            LOG.log(Level.INFO, "audio endpoint listening on port " + server.port());
            return new AudioEndpoint(relay, server);
        } catch (RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    /**
     * The routing table. Refusals are logged here, in one place, and answered in plain text
     * with the connection closed (a live body is never drained).
     */
    static void routing(HttpRouting.Builder routing, BearerCheck bearer, IngestHandler ingest, StreamHandler stream,
                        Handler health) {
        routing.get("/health", health)
                .post("/ingest", bearer.guard(ingest))
                .get("/stream", bearer.guard(stream))
                .error(AudioRequestException.class, (req, res, e) -> {
                    Level level = e.status() == 503 ? Level.DEBUG
                            : e.status() == 401 || e.status() == 400 ? Level.WARNING : Level.INFO;
                    LOG.log(level, "refused " + req.prologue().method().text() + " " + req.path().path() + " from "
                            + req.remotePeer().host() + ": " + e.status() + " " + e.getMessage());
                    answer(res, e.status(), e.getMessage());
                })
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "audio endpoint failed on " + req.prologue().method().text() + " "
                            + req.path().path(), e);
                    answer(res, 500, "internal error");
                });
    }

    private static Handler health(IngestHandler ingest, Relay relay) {
        return (req, res) -> res.header(HeaderNames.CONTENT_TYPE, "application/json")
                .send("{\"status\":\"UP\",\"producer\":" + ingest.busy()
                        + ",\"listeners\":" + relay.listeners() + "}");
    }

    public int port() {
        return server.port();
    }

    public URI uri() {
        return URI.create("http://localhost:" + server.port());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            relay.close();
            server.stop();
        }
    }

    private static void answer(ServerResponse res, int status, String message) {
        res.status(Status.create(status));
        res.header(HeaderValues.CONNECTION_CLOSE);
        if (status == 401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"fleetcast-audio\"");
        } else if (status == 503) {
            res.header(HeaderNames.RETRY_AFTER, "1");
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
        res.send(message + "\n");
    }
}
