package io.fleetcast.control.alert;

/** What an observation says about the robot's control socket. */
public enum RobotLink {
    /** It connected to this instance (which alone then judges its metrics). */
    CONNECTED,
    /** A presence event says it is online, on whichever instance holds its socket. */
    SEEN_ONLINE,
    /** It went away (from this instance, or an instance with watchers heard it go). */
    DISCONNECTED,
    /** No news: a metrics message or a clock tick. */
    UNCHANGED
}
