package io.fleetcast.bridge.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A producer pushing a live body the way curl -T - does: HTTP/1.1 over a plain socket, chunked,
 * sent piece by piece, with the response read whenever the test wants it (also before the body
 * ended, when the server answered early).
 */
final class Producer implements AutoCloseable {
    /** The answer: status, headers (lower-case names) and body. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private Producer(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(15_000);
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Sends the request head of {@code POST path}; {@code token} and {@code contentType} may be null. */
    static Producer post(URI base, String path, String token, String contentType) throws IOException {
        Producer producer = new Producer(new Socket(base.getHost(), base.getPort()));
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                + base.getPort() + "\r\nTransfer-Encoding: chunked\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        producer.out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        producer.out.flush();
        return producer;
    }

    /** Sends {@code bytes[from, to)} as one chunk. */
    void send(byte[] bytes, int from, int to) throws IOException {
        out.write((Integer.toHexString(to - from) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, from, to - from);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends {@code bytes} in chunks, {@code speed} times faster than real time at {@code bytesPerSecond}. */
    void sendPaced(byte[] bytes, int chunk, double bytesPerSecond, double speed)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int at = 0; at < bytes.length; at += chunk) {
            long due = start + (long) (at / bytesPerSecond / speed * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            send(bytes, at, Math.min(bytes.length, at + chunk));
        }
    }

    /** Ends the body and reads the answer. */
    Response finish() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return response();
    }

    /** Reads the answer (the body may still be open). */
    Response response() throws IOException {
        String status = line();
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; line()) {
                body.write(in.readNBytes(size));
            }
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("connection closed before the answer was complete");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
