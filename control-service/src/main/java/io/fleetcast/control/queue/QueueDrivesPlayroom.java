package io.fleetcast.control.queue;

import io.fleetcast.control.access.RobotAccess;
import io.fleetcast.control.auth.PlayroomDriver;

/** The playroom's WebRTC reader is whoever the queue says is driving now (confirmed turn). */
public final class QueueDrivesPlayroom implements PlayroomDriver {

    private final PlayroomQueue queue;

    public QueueDrivesPlayroom(PlayroomQueue queue) {
        this.queue = queue;
    }

    @Override
    public boolean isCurrentDriver(long userId, RobotAccess playroom) {
        return queue.status(playroom.robotId()).isDriving(userId);
    }
}
