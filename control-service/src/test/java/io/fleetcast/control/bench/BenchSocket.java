package io.fleetcast.control.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One load-generator socket. Frames it sends carry {@code "t":<nanoTime>}; frames it receives of
 * the watched type are timed against the same clock (one JVM, so nanoTime is comparable).
 */
final class BenchSocket {

    private static final long ORIGIN = System.nanoTime();

    /** Nanoseconds since the generator started: positive, so frames carry plain digits. */
    static long now() {
        return System.nanoTime() - ORIGIN;
    }

    private final String watchedType;
    private final LatencyHistogram latencies;
    private final AtomicLong skipped;
    private WireSocket socket;

    BenchSocket(String watchedType, LatencyHistogram latencies, AtomicLong skipped) {
        this.watchedType = "\"type\":\"" + watchedType + "\"";
        this.latencies = latencies;
        this.skipped = skipped;
    }

    /** Opens the socket (blocking handshake) and hands its reads to the loop. */
    BenchSocket connect(WireLoop loop, int port, String pathAndQuery) {
        socket = WireSocket.connect(port, pathAndQuery, this::onText);
        loop.add(socket);
        return this;
    }

    /** Sends unless the previous frame is still being written (then counts a skip). */
    void send(String frame) {
        if (!socket.sendText(frame)) {
            skipped.incrementAndGet();
        }
    }

    void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    private void onText(String frame) {
        long now = now();
        int at = frame.indexOf("\"t\":");
        if (at >= 0 && frame.contains(watchedType)) {
            int end = at + 4;
            while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
                end++;
            }
            latencies.record(now - Long.parseLong(frame.substring(at + 4, end)));
        }
    }
}
