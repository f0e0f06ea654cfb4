package io.fleetcast.control.auth;

import io.fleetcast.control.access.RobotAccess;

/**
 * Who may read the playroom over WebRTC: the visitor currently driving it. The playroom queue
 * provides the real answer; {@link OwnerDrivesPlayroom} is the default until it does.
 */
@FunctionalInterface
public interface PlayroomDriver {
    boolean isCurrentDriver(long userId, RobotAccess playroom);
}
