package io.fleetcast.control.robot;

import io.fleetcast.control.protocol.Video;
import java.util.Collection;
import java.util.Map;

/** The robots' video states, shown with each robot. */
public interface RobotVideo {
    Video of(long robot);

    /** The states of those of {@code robots} that have one; the rest were never live. */
    Map<Long, Video> of(Collection<Long> robots);
}
