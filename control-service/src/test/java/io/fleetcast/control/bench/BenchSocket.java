package io.fleetcast.control.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load-generator socket. Frames it sends carry {@code "t":<nanoTime>}; frames it receives of
 * the watched type are timed against the same clock (one JVM, so nanoTime is comparable).
 */
final class BenchSocket implements WebSocket.Listener {

    private static final long ORIGIN = System.nanoTime();

    /** Nanoseconds since the generator started: positive, so frames carry plain digits. */
    static long now() {
        return System.nanoTime() - ORIGIN;
    }

    private final String watchedType;
    private final LatencyHistogram latencies;
    private final AtomicLong skipped;
    private final StringBuilder partial = new StringBuilder();
    private volatile CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
    private WebSocket socket;

    BenchSocket(String watchedType, LatencyHistogram latencies, AtomicLong skipped) {
        this.watchedType = "\"type\":\"" + watchedType + "\"";
        this.latencies = latencies;
        this.skipped = skipped;
    }

    CompletableFuture<BenchSocket> connect(HttpClient client, URI uri) {
        return client.newWebSocketBuilder().buildAsync(uri, this).thenApply(ws -> {
            socket = ws;
            return this;
        });
    }

    /** Sends unless the previous frame is still being written (then counts a skip). */
    void send(String frame) {
        if (!lastSend.isDone()) {
            skipped.incrementAndGet();
            return;
        }
        lastSend = socket.sendText(frame, true);
    }

    void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = now();
        CharSequence text = data;
        if (!last || !partial.isEmpty()) {
            partial.append(data);
            text = partial;
        }
        if (last) {
            String frame = text.toString();
            partial.setLength(0);
            int at = frame.indexOf("\"t\":");
            if (at >= 0 && frame.contains(watchedType)) {
                int end = at + 4;
                while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
                    end++;
                }
                latencies.record(now - Long.parseLong(frame.substring(at + 4, end)));
            }
        }
        webSocket.request(1);
        return null;
    }
}
