package io.fleetcast.control.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A tiny HTTP server that records every call as {@code "METHOD /path"} and answers with the
 * status {@code answer} picks for the path: the far side of our own MediaMTX API client, to
 * check which calls it makes (its consumer contract), not a model of MediaMTX.
 */
public final class CallRecorder implements AutoCloseable {
    private final HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private CallRecorder(ToIntFunction<String> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(answer.applyAsInt(path), -1);
            exchange.close();
        });
        server.start();
    }

    public static CallRecorder answering(ToIntFunction<String> answer) {
        return new CallRecorder(answer);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The Authorization header of each call, in order ({@code "null"} when absent). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Waits until {@code call} was recorded; fails after {@code within}. */
    public void await(String call, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!calls.contains(call) && System.nanoTime() < deadline) {
            Eventually.sleep(10);
        }
        if (!calls.contains(call)) {
            throw new AssertionError("no call " + call + " within " + within.toMillis() + " ms; got " + calls);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
