package io.fleetcast.control.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client that upgrades, reads up to its welcome and then stops reading, with a
 * small receive buffer so the server's writes to it soon block: a viewer whose tab froze.
 */
final class StalledReader implements AutoCloseable {

    private final Socket socket;

    private StalledReader(Socket socket) {
        this.socket = socket;
    }

    static StalledReader open(URI uri) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout(5_000);
            String key = Base64.getEncoder().encodeToString("stalled-reader-1".getBytes(
                    StandardCharsets.US_ASCII));
            socket.getOutputStream().write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery()
                    + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder seen = new StringBuilder();
            InputStream in = socket.getInputStream();
            while (!seen.toString().contains("\"welcome\"")) {
                int next = in.read();
                if (next < 0) {
                    throw new IOException("closed before the welcome; got " + seen);
                }
                seen.append((char) next);
            }
            return new StalledReader(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads again (everything the kernel buffered) and tells whether the server had ended the
     * connection: true at end of stream or reset, false when it is still open after the wait.
     */
    boolean closedByServer(int waitMillis) {
        byte[] buffer = new byte[65536];
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        try {
            socket.setSoTimeout(200);
            while (System.nanoTime() < deadline) {
                try {
                    if (socket.getInputStream().read(buffer) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    // Nothing more buffered and not closed yet: keep waiting.
                }
            }
            return false;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
