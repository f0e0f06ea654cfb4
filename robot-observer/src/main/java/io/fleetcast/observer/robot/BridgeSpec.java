package io.fleetcast.observer.robot;

import io.fleetcast.config.EnvReader;
import io.fleetcast.observer.control.RobotLink;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Which robot bridge to open, as {@code ROBOT_LINK} names it. */
public sealed interface BridgeSpec permits StdioSpec, UdpSpec, UnixSpec, SyntheticSpec {

    /** {@code statePeriod}: how often a synthetic robot reports; real robots report when they like. */
    RobotLink open(Duration statePeriod);

    /** Reads {@code ROBOT_LINK} (default {@code synthetic}). */
    static BridgeSpec fromEnv(Map<String, String> env) {
        return new EnvReader(env).parsed("ROBOT_LINK", "synthetic", BridgeSpec::parse);
    }

    /** {@code stdout}, {@code udp://host:port[?listen=port]}, {@code unix:/path/to.sock} or {@code synthetic}. */
    static BridgeSpec parse(String value) {
        String spec = value.trim();
        if (spec.equals("stdout")) {
            return new StdioSpec();
        }
        if (spec.equals("synthetic")) {
            return new SyntheticSpec();
        }
        if (spec.startsWith("unix:")) {
            String path = spec.substring("unix:".length());
            if (path.isEmpty() || !path.startsWith("/")) {
                throw new IllegalArgumentException("'" + value + "' needs an absolute socket path, e.g. unix:/run/robot.sock");
            }
            return new UnixSpec(Path.of(path));
        }
        if (spec.startsWith("udp://")) {
            return udp(value, spec);
        }
        throw new IllegalArgumentException("'" + value
                + "' is not one of stdout, udp://host:port[?listen=port], unix:/path/to.sock, synthetic");
    }

    private static UdpSpec udp(String value, String spec) {
        URI uri;
        try {
            uri = URI.create(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid udp://host:port address", e);
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("'" + value + "' needs a host and a port, e.g. udp://127.0.0.1:9000");
        }
        int listen = 0;
        String query = uri.getQuery();
        if (query != null) {
            if (!query.startsWith("listen=")) {
                throw new IllegalArgumentException("'" + value + "' allows only ?listen=port");
            }
            try {
                listen = Integer.parseInt(query.substring("listen=".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' has a listen port that is not a number", e);
            }
        }
        try {
            return new UdpSpec(uri.getHost(), uri.getPort(), listen);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "': " + e.getMessage(), e);
        }
    }
}
