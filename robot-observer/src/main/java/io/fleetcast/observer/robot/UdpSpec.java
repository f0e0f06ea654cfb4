package io.fleetcast.observer.robot;

import io.fleetcast.observer.control.RobotLink;
import java.time.Duration;

/** @param listenPort the local port state arrives on; 0 for any (the robot answers the sender) */
public record UdpSpec(String host, int port, int listenPort) implements BridgeSpec {
    public UdpSpec {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("udp host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("udp port must be within 1..65535, got " + port);
        }
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("listen port must be within 0..65535, got " + listenPort);
        }
    }

    @Override
    public RobotLink open(Duration statePeriod) {
        return new UdpBridge(host, port, listenPort);
    }
}
