package io.fleetcast.control.live;

import io.fleetcast.control.protocol.Video;

/** The answer of a path hook: the robot's video state now, and whether this call changed it. */
record PathView(long robot, Video video, boolean changed) {
}
