package io.fleetcast.control.bench;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The practical floor for the relay benchmark: the least a server must do to give the
 * generator what Fleetcast gives it. Plain NIO, no framework, no Redis, no JSON: it accepts the
 * same WebSocket upgrades, writes each frame a robot sends to every viewer of that robot (one
 * encoding, one {@code write} per viewer) and each frame a driver sends to its robot, straight
 * from the selector thread that read it. Prints "READY port"; runs until standard input closes.
 */
public final class ReferenceFanOut {

    private static final System.Logger LOG = System.getLogger(ReferenceFanOut.class.getName());

    private final ConcurrentHashMap<Long, ReferenceRoom> rooms = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    private ReferenceFanOut() {
    }

    public static void main(String[] args) throws Exception {
        ReferenceFanOut server = new ReferenceFanOut();
        List<WireLoop> loops = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            loops.add(new WireLoop());
        }
        try (ServerSocketChannel listener = ServerSocketChannel.open();
                ExecutorService handshakes = Executors.newVirtualThreadPerTaskExecutor()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
            Thread.ofPlatform().daemon().name("reference-accept").start(() -> {
                long accepted = 0;
                while (listener.isOpen()) {
                    try {
                        SocketChannel channel = listener.accept();
                        WireLoop loop = loops.get((int) (accepted++ % loops.size()));
                        handshakes.execute(() -> server.open(channel, loop));
                    } catch (IOException e) {
                        LOG.log(Level.DEBUG, "reference accept stopped", e);
                        return;
                    }
                }
            });
            ServerProcess.readyUntilStdinCloses(
                    ((InetSocketAddress) listener.getLocalAddress()).getPort());
            LOG.log(Level.INFO, "reference fan-out dropped {0} frames (socket busy)",
                    server.dropped.get());
            listener.close();
            loops.forEach(WireLoop::close);
        }
    }

    private void open(SocketChannel channel, WireLoop loop) {
        try {
            channel.socket().setTcpNoDelay(true);
            ReferenceConnection connection = ReferenceConnection.accept(channel, this::received,
                    dropped);
            ReferenceRoom room = rooms.computeIfAbsent(connection.robot(), ReferenceRoom::new);
            switch (connection.role()) {
                case ROBOT -> room.robot(connection);
                case VIEWER -> room.viewers().add(connection);
                case DRIVER -> {
                    // A driver only sends; nothing is written to it.
                }
            }
            loop.add(connection);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "reference upgrade failed", e);
            try {
                channel.close();
            } catch (IOException closing) {
                LOG.log(Level.DEBUG, "closing a refused socket", closing);
            }
        }
    }

    /** On the selector thread that read it: the frame goes out, already encoded once. */
    private void received(ReferenceConnection from, ByteBuffer frame) {
        ReferenceRoom room = rooms.get(from.robot());
        if (room == null) {
            return;
        }
        switch (from.role()) {
            case ROBOT -> room.viewers().forEach(viewer -> viewer.write(frame));
            case DRIVER -> {
                ReferenceConnection robot = room.robot();
                if (robot != null) {
                    robot.write(frame);
                }
            }
            case VIEWER -> {
                // Viewers only watch.
            }
        }
    }
}
