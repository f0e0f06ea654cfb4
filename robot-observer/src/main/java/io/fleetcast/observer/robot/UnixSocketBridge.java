package io.fleetcast.observer.robot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.observer.control.RobotCommand;
import io.fleetcast.observer.control.RobotLink;
import io.fleetcast.observer.control.RobotLinkException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** JSON lines both ways over a Unix domain socket the robot's software listens on. */
public final class UnixSocketBridge implements RobotLink {
    private static final System.Logger LOG = System.getLogger(UnixSocketBridge.class.getName());

    private final Path path;
    private final SocketChannel channel;
    private final StateLines states;
    private final Thread reader;
    private final AtomicBoolean closed = new AtomicBoolean();

    public UnixSocketBridge(Path path) {
        this.path = path;
        try {
            this.channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to the robot's socket " + path, e);
        }
        this.states = new StateLines("unix:" + path);
        this.reader = Thread.ofPlatform().daemon().name("robot-unix").start(this::read);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                states.offer(line);
            }
            if (!closed.get()) {
                LOG.log(Level.WARNING, "the robot closed its socket " + path + "; commands will fail");
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.log(Level.WARNING, "reading robot state from " + path + " failed", e);
            }
        }
    }

    @Override
    public void send(RobotCommand command) {
        ByteBuffer line = ByteBuffer.wrap(JsonLines.encode(command).getBytes(StandardCharsets.UTF_8));
        // Lines from several threads must not interleave.
        synchronized (channel) {
            try {
                while (line.hasRemaining()) {
                    channel.write(line);
                }
            } catch (IOException e) {
                throw new RobotLinkException("cannot send " + command.action() + " to unix:" + path + ": "
                        + e.getMessage(), e);
            }
        }
    }

    @Override
    public void onState(Consumer<ObjectNode> listener) {
        states.listener(listener);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing unix:" + path + ": " + e);
        }
    }
}
