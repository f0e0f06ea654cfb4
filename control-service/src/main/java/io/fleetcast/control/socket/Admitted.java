package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.Role;
import java.util.Objects;

/** Who a socket belongs to, decided once at the upgrade; {@code user} is null for robots and
 *  anonymous playroom spectators. */
record Admitted(RobotInfo robot, Role role, Long user) {

    Admitted {
        Objects.requireNonNull(robot, "robot");
        Objects.requireNonNull(role, "role");
    }
}
