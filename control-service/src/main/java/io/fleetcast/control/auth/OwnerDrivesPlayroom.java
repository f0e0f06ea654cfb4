package io.fleetcast.control.auth;

import io.fleetcast.control.access.RobotAccess;

/** With no queue, the playroom robot's owner is its driver. */
public final class OwnerDrivesPlayroom implements PlayroomDriver {
    @Override
    public boolean isCurrentDriver(long userId, RobotAccess playroom) {
        return playroom.isOwner(userId);
    }
}
