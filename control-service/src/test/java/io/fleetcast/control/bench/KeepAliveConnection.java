package io.fleetcast.control.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One HTTP/1.1 keep-alive connection that sends prepared requests and reads fixed-length replies. */
final class KeepAliveConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] header = new byte[8192];

    KeepAliveConnection(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
    }

    /** Sends one request and consumes its reply; returns the status code. */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        int length = readHeader();
        int status = (header[9] - '0') * 100 + (header[10] - '0') * 10 + (header[11] - '0');
        long remaining = contentLength(length);
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
        return status;
    }

    private int readHeader() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            header[n++] = (byte) b;
            if (n >= 4 && header[n - 1] == '\n' && header[n - 2] == '\r' && header[n - 3] == '\n' && header[n - 4] == '\r') {
                return n;
            }
            if (n == header.length) {
                throw new IOException("response header too large");
            }
        }
    }

    private long contentLength(int length) throws IOException {
        String text = new String(header, 0, length, StandardCharsets.ISO_8859_1).toLowerCase();
        int at = text.indexOf("content-length:");
        if (at < 0) {
            throw new IOException("reply without content-length: " + text);
        }
        int end = text.indexOf('\r', at);
        return Long.parseLong(text.substring(at + "content-length:".length(), end).trim());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
