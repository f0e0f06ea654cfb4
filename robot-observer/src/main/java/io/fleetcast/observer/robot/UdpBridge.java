package io.fleetcast.observer.robot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.observer.control.RobotCommand;
import io.fleetcast.observer.control.RobotLink;
import io.fleetcast.observer.control.RobotLinkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One datagram per command (a JSON line) to the robot's address; state datagrams, each one or
 * more JSON lines, read on the local port (the robot may simply answer the sender's address).
 */
public final class UdpBridge implements RobotLink {
    private static final System.Logger LOG = System.getLogger(UdpBridge.class.getName());
    private static final int MAX_DATAGRAM = 65_507;

    private final InetSocketAddress robot;
    private final DatagramSocket socket;
    private final StateLines states;
    private final Thread reader;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** {@code listenPort} 0: any free port. */
    public UdpBridge(String host, int port, int listenPort) {
        this.robot = new InetSocketAddress(host, port);
        if (robot.isUnresolved()) {
            throw new IllegalArgumentException("robot host " + host + " does not resolve");
        }
        try {
            this.socket = new DatagramSocket(listenPort);
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot listen for robot state on UDP port " + listenPort, e);
        }
        this.states = new StateLines("udp " + host + ":" + port);
        this.reader = Thread.ofPlatform().daemon().name("robot-udp").start(this::read);
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    private void read() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!closed.get()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                states.offerAll(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.log(Level.WARNING, "receiving robot state on UDP port " + socket.getLocalPort() + " failed", e);
                }
            }
        }
    }

    @Override
    public void send(RobotCommand command) {
        byte[] line = JsonLines.encode(command).getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(line, line.length, robot));
        } catch (IOException e) {
            throw new RobotLinkException("cannot send " + command.action() + " to udp " + robot.getHostString() + ":"
                    + robot.getPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onState(Consumer<ObjectNode> listener) {
        states.listener(listener);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            socket.close();
        }
    }
}
