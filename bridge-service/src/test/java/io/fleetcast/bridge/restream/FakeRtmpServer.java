package io.fleetcast.bridge.restream;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal RTMP server (handshake, chunk stream, the connect / createStream / publish
 * exchange) for what FFmpeg's own server cannot be asked to do: refuse the publish as an
 * ingest refuses a bad stream key ({@code onStatus} level "error",
 * NetStream.Publish.BadName), accept it and keep the video messages exactly as they came (so a
 * test can read the FLV sequence header itself), accept it and then stop reading (a hung
 * ingest), or accept the TCP connection and never answer.
 */
final class FakeRtmpServer implements AutoCloseable {
    enum Mode { REFUSE, ACCEPT, STALL_AFTER_PUBLISH, SILENT }

    private static final int HANDSHAKE = 1536;
    private static final int COMMAND = 20;
    private static final int VIDEO = 9;
    private static final int KEPT_MESSAGES = 64;

    private final ServerSocket server;
    private final Mode mode;
    private final boolean refuse;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<byte[]> videoMessages = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    FakeRtmpServer(Mode mode) throws IOException {
        this.mode = mode;
        this.refuse = mode == Mode.REFUSE;
        this.server = new ServerSocket();
        if (mode == Mode.STALL_AFTER_PUBLISH) {
            // A small window, so the publisher's socket buffers fill quickly once nobody reads.
            server.setReceiveBufferSize(4096);
        }
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        Thread.ofPlatform().name("test-fake-rtmp").daemon().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far (each one is a publish attempt). */
    int connections() {
        return connections.get();
    }

    /** Waits until every connection has been read to its end (the publisher closed it). */
    void awaitDisconnects(java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
        }
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
                threads.add(Thread.ofPlatform().daemon().start(() -> serve(socket)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            if (mode == Mode.SILENT) {
                Thread.sleep(60_000);
                return;
            }
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
            RtmpWire.ChunkReader reader = new RtmpWire.ChunkReader(in);
            while (true) {
                RtmpWire.ChunkReader.Message message = reader.next();
                if (message.type() == COMMAND) {
                    answer(out, ByteBuffer.wrap(message.payload()));
                } else if (message.type() == VIDEO && videoMessages.size() < KEPT_MESSAGES) {
                    videoMessages.add(message.payload());
                }
            }
        } catch (IOException | InterruptedException e) {
            // The publisher went away (or close() dropped it): this connection is over.
        }
    }

    /** Holds the connection open without reading another byte, as a hung ingest does, until closed. */
    private void stall() throws IOException {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("stalled connection released");
    }

    private void answer(OutputStream out, ByteBuffer command) throws IOException {
        String name = RtmpWire.Amf.readString(command);
        double transaction = RtmpWire.Amf.readNumber(command);
        switch (name) {
            case "connect" -> send(out, 0, RtmpWire.Amf.encode("_result", transaction,
                    Map.of("fmsVer", "FMS/3,0,1,123", "capabilities", 31.0),
                    Map.of("level", "status", "code", "NetConnection.Connect.Success", "description", "ok")));
            case "createStream" -> send(out, 0, RtmpWire.Amf.encode("_result", transaction, null, 1.0));
            case "publish" -> {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("level", refuse ? "error" : "status");
                status.put("code", refuse ? "NetStream.Publish.BadName" : "NetStream.Publish.Start");
                status.put("description", refuse ? "Invalid stream key" : "publishing");
                send(out, 1, RtmpWire.Amf.encode("onStatus", 0.0, null, status));
                if (mode == Mode.STALL_AFTER_PUBLISH) {
                    stall();
                }
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
        threads.forEach(Thread::interrupt);
    }
}
