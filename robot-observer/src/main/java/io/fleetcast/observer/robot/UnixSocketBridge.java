package io.fleetcast.observer.robot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** JSON lines both ways over a Unix domain socket the robot's software listens on. */
public final class UnixSocketBridge {
    private UnixSocketBridge() {
    }

    public static LineBridge connect(Path path) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to the robot's socket " + path, e);
        }
        return new LineBridge("unix:" + path, Channels.newInputStream(channel), Channels.newOutputStream(channel), channel);
    }
}
