package io.fleetcast.control.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One socket of the reference fan-out (RFC 6455 server side, text frames only): a blocking
 * upgrade, then non-blocking reads by a {@link WireLoop}. Each whole client frame is unmasked
 * and handed on already framed for sending, so fan-out is a {@code write} per receiver. A write
 * the kernel cannot take whole keeps its rest, finished before the next; meanwhile frames drop.
 */
final class ReferenceConnection implements Polled {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final SocketChannel channel;
    private final long robot;
    private final ReferenceRole role;
    private final BiConsumer<ReferenceConnection, ByteBuffer> onFrame;
    private final AtomicLong dropped;
    private final ByteBuffer in = ByteBuffer.allocateDirect(16384);
    // Guarded by this: the rest of a frame the kernel did not take yet.
    private ByteBuffer unsent;

    private ReferenceConnection(SocketChannel channel, long robot, ReferenceRole role,
            BiConsumer<ReferenceConnection, ByteBuffer> onFrame, AtomicLong dropped) {
        this.channel = channel;
        this.robot = robot;
        this.role = role;
        this.onFrame = onFrame;
        this.dropped = dropped;
    }

    /** Reads the upgrade request of /control/robot_N?..., answers 101, turns non-blocking. */
    static ReferenceConnection accept(SocketChannel channel,
            BiConsumer<ReferenceConnection, ByteBuffer> onFrame, AtomicLong dropped)
            throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8192);
        String request;
        do {
            if (channel.read(head) < 0 || !head.hasRemaining()) {
                throw new IOException("no complete upgrade request");
            }
            request = new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII);
        } while (!request.contains("\r\n\r\n"));
        String target = request.substring(request.indexOf(' ') + 1, request.indexOf(" HTTP/"));
        int query = target.indexOf('?');
        long robot = Long.parseLong(target.substring(target.indexOf("robot_") + 6, query));
        String key = request.lines().filter(l -> l.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18))
                .findFirst().orElseThrow(() -> new IOException("upgrade without Sec-WebSocket-Key"))
                .substring(18).trim();
        String answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
        channel.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
        channel.configureBlocking(false);
        return new ReferenceConnection(channel, robot, ReferenceRole.of(target.substring(query + 1)),
                onFrame, dropped);
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    long robot() {
        return robot;
    }

    ReferenceRole role() {
        return role;
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

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
        while ((head = FrameHeader.at(in, in.position(), true)) != null) {
            int start = in.position();
            int b0 = head.first();
            int header = head.size();
            int length = (int) head.payload();
            if (in.remaining() < header + length) {
                break;
            }
            int mask = start + header - 4;
            ByteBuffer frame = ByteBuffer.allocateDirect(length + 4);
            frame.put((byte) b0);
            if (length < 126) {
                frame.put((byte) length);
            } else {
                frame.put((byte) 126).putShort((short) length);
            }
            for (int i = 0; i < length; i++) {
                frame.put((byte) (in.get(start + header + i) ^ in.get(mask + (i & 3))));
            }
            in.position(start + header + length);
            if ((b0 & 0x0f) == 0x1) {
                onFrame.accept(this, frame.flip());
            }
        }
        in.compact();
    }

    /** Writes a frame (shared by many receivers: only its duplicate's position moves). */
    synchronized void write(ByteBuffer frame) {
        try {
            if (unsent != null) {
                channel.write(unsent);
                if (unsent.hasRemaining()) {
                    dropped.incrementAndGet();
                    return;
                }
                unsent = null;
            }
            ByteBuffer out = frame.duplicate();
            channel.write(out);
            if (out.hasRemaining()) {
                unsent = ByteBuffer.allocate(out.remaining()).put(out).flip();
            }
        } catch (IOException e) {
            dropped.incrementAndGet();
        }
    }
}
