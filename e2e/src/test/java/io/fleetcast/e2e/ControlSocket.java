package io.fleetcast.e2e;

import io.fleetcast.stack.ControlApi;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A user's control socket on a robot ({@code WS /control/{path}}), keeping every message it received with its arrival time. */
final class ControlSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message and when it arrived (epoch ms). */
    record Received(long atMillis, JsonNode message) {
        String type() {
            return message.path("type").asText();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    ControlSocket(URI controlBase, String path, String token) {
        URI uri = URI.create(controlBase.toString().replaceFirst("^http", "ws") + "/control/" + path);
        StringBuilder text = new StringBuilder();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        received.add(new Received(System.currentTimeMillis(), JSON.readTree(text.toString())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot open the control socket " + uri + ": " + e, e);
        }
    }

    /** Sends one JSON message and returns when it was sent (epoch ms). */
    long send(String json) {
        long at = System.currentTimeMillis();
        socket.sendText(json, true).join();
        return at;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The first message (from {@code after} on) that {@code match} accepts; fails after {@code timeout}. */
    Received await(Predicate<JsonNode> match, Duration timeout, String what) {
        long until = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (System.nanoTime() < until) {
            List<Received> now = received();
            for (int i = from; i < now.size(); i++) {
                if (match.test(now.get(i).message())) {
                    return now.get(i);
                }
            }
            from = now.size();
            ServiceProcess.sleep(20);
        }
        throw new AssertionError("no " + what + " within " + timeout + "; got " + received().stream()
                .map(r -> r.message().toString()).toList());
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }
}
