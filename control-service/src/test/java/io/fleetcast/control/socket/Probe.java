package io.fleetcast.control.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (java.net.http) that records every frame it receives. Public: the
 * robot observer's tests use it as the user's side of a control socket.
 */
public final class Probe implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    public static Probe open(URI uri, String... subprotocols) {
        Probe probe = new Probe();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0],
                    java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        probe.socket = builder.buildAsync(uri, probe).join();
        return probe;
    }

    /** Opens and waits for the welcome, so the socket is registered on its instance. */
    public static Probe welcomed(URI uri) {
        Probe probe = open(uri);
        probe.await("welcome");
        return probe;
    }

    WebSocket socket() {
        return socket;
    }

    public Probe send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** The next frame of this type, skipping others; fails after 5 s. */
    public JsonNode await(String type) {
        return await(type, message -> true);
    }

    public JsonNode await(String type, Predicate<JsonNode> match) {
        return awaitFrame(next -> next.path("type").asText().equals(type) && match.test(next), "'" + type + "' frame");
    }

    /** The next frame that {@code match} accepts, skipping others; fails after 5 s naming {@code what}. */
    public JsonNode awaitFrame(Predicate<JsonNode> match, String what) {
        return awaitFrame(match, what, java.time.Duration.ofSeconds(5));
    }

    public JsonNode awaitFrame(Predicate<JsonNode> match, String what, java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> skipped = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next != null && match.test(next)) {
                    return next;
                }
                if (next != null) {
                    skipped.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching " + what + " within 5 s; got " + skipped
                + (closed.isDone() ? ", closed with " + closed.join() : ""));
    }

    /** Everything that arrives within the window (used to prove something did NOT arrive). */
    public List<JsonNode> drain(Duration window) {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next != null) {
                    out.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** The close code the server sent; fails after 5 s. */
    public int closeCode() {
        return closed.orTimeout(5, TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(JSON.readTree(partial.toString()));
            } catch (java.io.IOException e) {
                throw new AssertionError("server sent invalid JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }
}
