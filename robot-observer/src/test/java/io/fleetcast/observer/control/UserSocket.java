package io.fleetcast.observer.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A signed-in user's control socket (Authorization: Bearer), recording every frame. */
public final class UserSocket implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    public UserSocket(int port, long robot, String token) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/control/robot_" + robot), this).join();
    }

    /**
     * Waits until the robot's own socket is up: the welcome or a presence event says so, or a
     * metrics frame arrives (a presence sent just before this socket subscribed is never seen).
     */
    public UserSocket awaitRobotOnline() {
        if (!await("welcome").path("robotOnline").asBoolean()) {
            awaitAny(m -> m.path("type").asText().equals("metrics")
                    || (m.path("type").asText().equals("presence") && m.path("online").asBoolean()));
        }
        return this;
    }

    private void awaitAny(Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next != null && match.test(next)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("robot did not come online within 5 s");
    }

    public UserSocket send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    JsonNode await(String type) {
        return await(type, m -> true);
    }

    JsonNode await(String type, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<JsonNode> skipped = new ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next != null && next.path("type").asText().equals(type) && match.test(next)) {
                    return next;
                }
                if (next != null) {
                    skipped.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching '" + type + "' frame within 5 s; got " + skipped);
    }

    List<JsonNode> drain(Duration window) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null) {
                out.add(next);
            }
        }
        return out;
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
    public void close() {
        socket.abort();
    }
}
