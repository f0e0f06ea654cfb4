package io.fleetcast.bridge.api;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/** The REST API's own Helidon server on {@code API_PORT} (the audio endpoint keeps its port). */
public final class ApiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    private final WebServer server;
    private boolean closed;

    private ApiServer(WebServer server) {
        this.server = server;
    }

    public static ApiServer start(int port, Consumer<HttpRouting.Builder> routing) {
        WebServer server = WebServer.builder()
                .port(port)
                .shutdownGracePeriod(Duration.ofMillis(200))
                .routing(routing::accept)
                .build()
                .start();
        LOG.log(Level.INFO, "bridge API listening on port " + server.port());
        return new ApiServer(server);
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
            server.stop();
        }
    }
}
