package io.fleetcast.control.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A minimal WebSocket client connection for the load generator (RFC 6455, text frames only):
 * a blocking handshake, then non-blocking reads by {@link WireLoop} and direct writes. A send
 * that the kernel cannot take whole is kept and finished before the next one, which is skipped.
 */
final class WireSocket implements Polled {

    private final SocketChannel channel;
    private final Consumer<String> onText;
    private ByteBuffer in = ByteBuffer.allocateDirect(8192);
    private final StringBuilder partial = new StringBuilder();
    // Guarded by this: the rest of a frame the kernel did not take yet.
    private ByteBuffer unsent;

    private WireSocket(SocketChannel channel, Consumer<String> onText) {
        this.channel = channel;
        this.onText = onText;
    }

    static WireSocket connect(int port, String pathAndQuery, Consumer<String> onText) {
        try {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.socket().setTcpNoDelay(true);
            WireSocket socket = new WireSocket(channel, onText);
            socket.handshake(port, pathAndQuery);
            channel.configureBlocking(false);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    private void handshake(int port, String pathAndQuery) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        int end;
        while ((end = headerEnd()) < 0) {
            if (channel.read(in) < 0 || !in.hasRemaining()) {
                throw new IOException("no WebSocket handshake answer for " + pathAndQuery);
            }
        }
        byte[] head = new byte[end];
        in.flip().get(head).position(end + 4);
        in.compact();
        String status = new String(head, StandardCharsets.US_ASCII).lines().findFirst().orElse("");
        if (!status.contains(" 101 ")) {
            throw new IOException("upgrade refused for " + pathAndQuery + ": " + status);
        }
    }

    private int headerEnd() {
        for (int i = 3; i < in.position(); i++) {
            if (in.get(i - 3) == '\r' && in.get(i - 2) == '\n' && in.get(i - 1) == '\r'
                    && in.get(i) == '\n') {
                return i - 3;
            }
        }
        return -1;
    }

    /** Reads what arrived and hands over whole text messages; false once the peer is gone. */
    @Override
    public boolean readable() {
        try {
            int read = channel.read(in);
            parse();
            return read >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void parse() {
        in.flip();
        FrameHeader head;
        while ((head = FrameHeader.at(in, in.position(), false)) != null) {
            int start = in.position();
            int header = head.size();
            long length = head.payload();
            if (in.remaining() < header + length) {
                if (header + length > in.capacity()) {
                    grow((int) (header + length));
                    return;
                }
                break;
            }
            byte[] payload = new byte[(int) length];
            in.position(start + header);
            in.get(payload);
            frame(head.first(), payload);
        }
        in.compact();
    }

    private void grow(int needed) {
        ByteBuffer bigger = ByteBuffer.allocateDirect(Integer.highestOneBit(needed) * 2);
        bigger.put(in);
        in = bigger;
    }

    private void frame(int b0, byte[] payload) {
        int opcode = b0 & 0x0f;
        boolean fin = (b0 & 0x80) != 0;
        if (opcode == 0x9) {
            write(0x8A, payload);
        } else if (opcode == 0x1 || opcode == 0x0) {
            String text = new String(payload, StandardCharsets.UTF_8);
            if (fin && partial.isEmpty()) {
                onText.accept(text);
            } else {
                partial.append(text);
                if (fin) {
                    onText.accept(partial.toString());
                    partial.setLength(0);
                }
            }
        }
    }

    /** Sends one text frame; false (nothing sent) while an earlier frame is still going out. */
    boolean sendText(String text) {
        return write(0x81, text.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized boolean write(int b0, byte[] payload) {
        try {
            if (unsent != null) {
                channel.write(unsent);
                if (unsent.hasRemaining()) {
                    return false;
                }
                unsent = null;
            }
            ByteBuffer frame = ByteBuffer.allocate(payload.length + 14);
            frame.put((byte) b0);
            if (payload.length < 126) {
                frame.put((byte) (0x80 | payload.length));
            } else if (payload.length < 65536) {
                frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
            } else {
                frame.put((byte) (0x80 | 127)).putLong(payload.length);
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.put((byte) (payload[i] ^ mask[i & 3]));
            }
            channel.write(frame.flip());
            unsent = frame.hasRemaining() ? frame : null;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void abort() {
        try {
            channel.close();
        } catch (IOException e) {
            // Ending the benchmark: the instance notices the reset either way.
        }
    }
}
