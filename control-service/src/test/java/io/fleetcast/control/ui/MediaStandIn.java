package io.fleetcast.control.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stands where MediaMTX and the CDN stand for the pages, on its own origin (so CORS and the
 * pages' CSP are exercised): HLS files from a directory under {@code /hls/}, and WHEP signalling
 * ({@code POST /<path>/whep}) relayed to a real WebRTC peer, the publisher page
 * ({@code /publisher}), which answers with a canvas stream. Each WHEP request's path and
 * bearer token are recorded.
 */
final class MediaStandIn implements AutoCloseable {
    record WhepRequest(String path, String authorization) {
    }

    private record Offer(String sdp, CompletableFuture<String> answer) {
    }

    private final HttpServer server;
    private final Path hls;
    private final BlockingQueue<Offer> offers = new LinkedBlockingQueue<>();
    private final List<WhepRequest> whepRequests = new CopyOnWriteArrayList<>();
    private volatile Offer pending;
    private volatile boolean refuseWhep;

    MediaStandIn(Path hls) {
        this.hls = hls;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on WHEP answers 404, as MediaMTX does for a path that nobody publishes. */
    void refuseWhep() {
        refuseWhep = true;
    }

    List<WhepRequest> whepRequests() {
        return List.copyOf(whepRequests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.add("Access-Control-Allow-Origin", "*");
            headers.add("Access-Control-Allow-Headers", "Authorization, Content-Type");
            headers.add("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
            headers.add("Access-Control-Expose-Headers", "Location");
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("OPTIONS")) {
                exchange.sendResponseHeaders(204, -1);
            } else if (path.startsWith("/hls/") && method.equals("GET")) {
                file(exchange, path.substring("/hls/".length()));
            } else if (path.endsWith("/whep") && method.equals("POST")) {
                whep(exchange, path);
            } else if (path.startsWith("/session/") && method.equals("DELETE")) {
                exchange.sendResponseHeaders(200, -1);
            } else if (path.equals("/publisher") && method.equals("GET")) {
                send(exchange, 200, "text/html", PublisherPage.HTML);
            } else if (path.equals("/publisher/offer") && method.equals("GET")) {
                nextOffer(exchange);
            } else if (path.equals("/publisher/answer") && method.equals("POST")) {
                answer(exchange);
            } else {
                send(exchange, 404, "text/plain", "not here");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void file(HttpExchange exchange, String name) throws IOException {
        Path file = hls.resolve(name).normalize();
        if (!file.startsWith(hls) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "no such segment");
            return;
        }
        String type = name.endsWith(".m3u8") ? "application/vnd.apple.mpegurl" : "video/mp2t";
        exchange.getResponseHeaders().add("Content-Type", type);
        byte[] bytes = Files.readAllBytes(file);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The viewer's offer waits here until the publisher page has answered it. */
    private void whep(HttpExchange exchange, String path) throws IOException, InterruptedException {
        whepRequests.add(new WhepRequest(path, exchange.getRequestHeaders().getFirst("Authorization")));
        String sdp = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (refuseWhep) {
            send(exchange, 404, "text/plain", "no stream is available on this path");
            return;
        }
        Offer offer = new Offer(sdp, new CompletableFuture<>());
        offers.add(offer);
        String answer;
        try {
            answer = offer.answer().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            send(exchange, 504, "text/plain", "no publisher answered");
            return;
        }
        exchange.getResponseHeaders().add("Location", "/session/" + whepRequests.size());
        send(exchange, 201, "application/sdp", answer);
    }

    /** The publisher page long-polls for an offer, then posts its answer to {@code /publisher/answer}. */
    private void nextOffer(HttpExchange exchange) throws IOException, InterruptedException {
        Offer offer = offers.poll(2, TimeUnit.SECONDS);
        if (offer == null) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        pending = offer;
        send(exchange, 200, "application/sdp", offer.sdp());
    }

    private void answer(HttpExchange exchange) throws IOException {
        Offer offer = pending;
        if (offer == null) {
            send(exchange, 409, "text/plain", "no offer waits for an answer");
            return;
        }
        pending = null;
        offer.answer().complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(204, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
