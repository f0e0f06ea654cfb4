package io.fleetcast.control.live;

import io.fleetcast.control.protocol.Video;

/** Tells the robot's viewers that its video state changed (the control sockets' presence event). */
public interface VideoAnnouncer {
    void videoChanged(long robot, Video video);
}
