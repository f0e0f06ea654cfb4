package io.fleetcast.bridge.restream;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal RTMP server (handshake, chunk stream, the connect / createStream / publish
 * exchange) for what FFmpeg's own server cannot be asked to do: refuse the publish as an
 * ingest refuses a bad stream key ({@code onStatus} level "error",
 * NetStream.Publish.BadName), or accept it and keep the video messages exactly as they came,
 * so a test can read the FLV sequence header itself.
 */
final class FakeRtmpServer implements AutoCloseable {
    private static final int HANDSHAKE = 1536;
    private static final int COMMAND = 20;
    private static final int VIDEO = 9;
    private static final int KEPT_MESSAGES = 64;

    private final ServerSocket server;
    private final boolean refuse;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<byte[]> videoMessages = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    FakeRtmpServer(boolean refuse) throws IOException {
        this.refuse = refuse;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("test-fake-rtmp").daemon().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far (each one is a publish attempt). */
    int connections() {
        return connections.get();
    }

    /** The payloads of the first video messages received, in order. */
    List<byte[]> videoMessages() {
        return List.copyOf(videoMessages);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                Thread.ofPlatform().daemon().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            byte[] c0c1 = new byte[HANDSHAKE + 1];
            in.readFully(c0c1);
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            reply.write(3);
            reply.write(new byte[HANDSHAKE], 0, HANDSHAKE);
            reply.write(c0c1, 1, HANDSHAKE);
            out.write(reply.toByteArray());
            in.readFully(new byte[HANDSHAKE]);
            ChunkReader reader = new ChunkReader(in);
            while (true) {
                ChunkReader.Message message = reader.next();
                if (message.type() == COMMAND) {
                    answer(out, ByteBuffer.wrap(message.payload()));
                } else if (message.type() == VIDEO && videoMessages.size() < KEPT_MESSAGES) {
                    videoMessages.add(message.payload());
                }
            }
        } catch (IOException e) {
            // The publisher went away (or close() dropped it): this connection is over.
        }
    }

    private void answer(OutputStream out, ByteBuffer command) throws IOException {
        String name = Amf.readString(command);
        double transaction = Amf.readNumber(command);
        switch (name) {
            case "connect" -> send(out, 0, Amf.encode("_result", transaction,
                    Map.of("fmsVer", "FMS/3,0,1,123", "capabilities", 31.0),
                    Map.of("level", "status", "code", "NetConnection.Connect.Success", "description", "ok")));
            case "createStream" -> send(out, 0, Amf.encode("_result", transaction, null, 1.0));
            case "publish" -> {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("level", refuse ? "error" : "status");
                status.put("code", refuse ? "NetStream.Publish.BadName" : "NetStream.Publish.Start");
                status.put("description", refuse ? "Invalid stream key" : "publishing");
                send(out, 1, Amf.encode("onStatus", 0.0, null, status));
            }
            default -> { }
        }
    }

    /** One command message, in 128-byte chunks (the size a server sends before it announces another). */
    private static void send(OutputStream out, int messageStream, byte[] payload) throws IOException {
        int csid = 3;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(csid);
        bytes.write(new byte[3], 0, 3);
        bytes.write(payload.length >> 16);
        bytes.write(payload.length >> 8);
        bytes.write(payload.length);
        bytes.write(COMMAND);
        bytes.write(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(messageStream).array(), 0, 4);
        for (int offset = 0; offset < payload.length; offset += 128) {
            if (offset > 0) {
                bytes.write(0xC0 | csid);
            }
            bytes.write(payload, offset, Math.min(128, payload.length - offset));
        }
        out.write(bytes.toByteArray());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** Reassembles RTMP messages from chunks (formats 0-3, extended timestamps, the peer's chunk size). */
    private static final class ChunkReader {
        record Message(int type, byte[] payload) { }

        private static final class Chunk {
            int length;
            int type;
            boolean extended;
            byte[] buffer;
            int filled;
        }

        private final DataInputStream in;
        private final Map<Integer, Chunk> chunks = new HashMap<>();
        private int chunkSize = 128;

        ChunkReader(DataInputStream in) {
            this.in = in;
        }

        Message next() throws IOException {
            while (true) {
                int basic = in.readUnsignedByte();
                int format = basic >> 6;
                int csid = basic & 0x3F;
                if (csid == 0) {
                    csid = 64 + in.readUnsignedByte();
                } else if (csid == 1) {
                    csid = 64 + in.readUnsignedByte() + 256 * in.readUnsignedByte();
                }
                Chunk chunk = chunks.computeIfAbsent(csid, id -> new Chunk());
                if (format <= 2) {
                    int timestamp = read24();
                    if (format <= 1) {
                        chunk.length = read24();
                        chunk.type = in.readUnsignedByte();
                        if (format == 0) {
                            in.readInt();
                        }
                    }
                    chunk.extended = timestamp == 0xFFFFFF;
                }
                if (chunk.extended) {
                    in.readInt();
                }
                if (chunk.buffer == null) {
                    chunk.buffer = new byte[chunk.length];
                    chunk.filled = 0;
                }
                int size = Math.min(chunkSize, chunk.length - chunk.filled);
                in.readFully(chunk.buffer, chunk.filled, size);
                chunk.filled += size;
                if (chunk.filled == chunk.length) {
                    byte[] payload = chunk.buffer;
                    chunk.buffer = null;
                    if (chunk.type == 1) {
                        chunkSize = ByteBuffer.wrap(payload).getInt() & 0x7FFFFFFF;
                    }
                    return new Message(chunk.type, payload);
                }
            }
        }

        private int read24() throws IOException {
            return in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        }
    }

    /** The AMF0 values the exchange needs: strings, numbers, null and flat objects. */
    private static final class Amf {
        static byte[] encode(Object... values) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object value : values) {
                write(out, value);
            }
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object value) {
            switch (value) {
                case null -> out.write(5);
                case String text -> {
                    out.write(2);
                    writeName(out, text);
                }
                case Double number -> {
                    out.write(0);
                    out.writeBytes(ByteBuffer.allocate(8).putDouble(number).array());
                }
                case Map<?, ?> object -> {
                    out.write(3);
                    object.forEach((key, item) -> {
                        writeName(out, (String) key);
                        write(out, item);
                    });
                    out.writeBytes(new byte[] {0, 0, 9});
                }
                default -> throw new IllegalArgumentException("no AMF0 form for " + value);
            }
        }

        private static void writeName(ByteArrayOutputStream out, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }

        static String readString(ByteBuffer in) {
            if (in.get() != 2) {
                throw new IllegalArgumentException("expected an AMF0 string");
            }
            byte[] bytes = new byte[in.getShort() & 0xFFFF];
            in.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static double readNumber(ByteBuffer in) {
            if (in.get() != 0) {
                throw new IllegalArgumentException("expected an AMF0 number");
            }
            return in.getDouble();
        }
    }
}
