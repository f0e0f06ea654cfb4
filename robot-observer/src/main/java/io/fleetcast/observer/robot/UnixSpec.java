package io.fleetcast.observer.robot;

import io.fleetcast.observer.control.RobotLink;
import java.nio.file.Path;
import java.time.Duration;

public record UnixSpec(Path socket) implements BridgeSpec {
    public UnixSpec {
        if (socket == null || !socket.isAbsolute()) {
            throw new IllegalArgumentException("unix socket path must be absolute, got " + socket);
        }
    }

    @Override
    public RobotLink open(Duration statePeriod) {
        return UnixSocketBridge.connect(socket);
    }
}
