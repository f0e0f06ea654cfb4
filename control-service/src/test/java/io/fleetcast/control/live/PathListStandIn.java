package io.fleetcast.control.live;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * MediaMTX's {@code GET /v3/paths/list} as v1.20.1 answers it, for the paths the test says are
 * publishing (MediaMTX itself does not run on the test machines), to callers with the service
 * credential (MediaMTX asks the webhook, which allows only it): others get 401. Unknown routes are 404.
 */
final class PathListStandIn implements AutoCloseable {
    private final Map<String, Instant> available = new ConcurrentHashMap<>();
    private final HttpServer server;

    PathListStandIn(String token) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/paths/list", exchange -> {
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            String items = available.entrySet().stream().map(path -> "{\"name\":\"" + path.getKey()
                    + "\",\"confName\":\"~^robot_(\\\\d+)$\",\"source\":{\"type\":\"rtmpConn\",\"id\":\"1\"},"
                    + "\"available\":true,\"availableTime\":\"" + path.getValue() + "\",\"ready\":true,\"readyTime\":\""
                    + path.getValue() + "\",\"tracks\":[\"H264\"],\"bytesReceived\":1000,\"bytesSent\":0,\"readers\":[]}")
                    .collect(Collectors.joining(","));
            byte[] body = ("{\"pageCount\":1,\"itemCount\":" + available.size() + ",\"items\":[" + items + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void publishing(String path, Instant since) {
        available.put(path, since);
    }

    void stopped(String path) {
        available.remove(path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
