package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.Role;
import java.util.Objects;

/**
 * Who a socket belongs to, decided once at the upgrade; {@code user} is null for robots and
 * anonymous playroom spectators. {@code token} is the user token the socket was admitted with
 * (null without one), kept so the socket can be closed when that token is taken back.
 */
record Admitted(RobotInfo robot, Role role, Long user, String token) {

    Admitted {
        Objects.requireNonNull(robot, "robot");
        Objects.requireNonNull(role, "role");
    }

    Admitted(RobotInfo robot, Role role, Long user) {
        this(robot, role, user, null);
    }

    @Override
    public String toString() {
        // Never let a token reach a log line.
        return "Admitted[robot=" + robot.id() + ", role=" + role + ", user=" + user + ", token=" + (token != null) + "]";
    }
}
