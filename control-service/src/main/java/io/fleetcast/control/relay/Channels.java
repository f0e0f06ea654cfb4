package io.fleetcast.control.relay;

/** Redis channel names: one towards each robot, one towards each robot's watchers. */
public final class Channels {

    private Channels() {
    }

    public static String toRobot(long robotId) {
        return "fc:ctl:robot:" + robotId;
    }

    public static String toWatchers(long robotId) {
        return "fc:ctl:watch:" + robotId;
    }

    /** The robot id of a channel made by this class. */
    public static long robotOf(String channel) {
        return Long.parseLong(channel.substring(channel.lastIndexOf(':') + 1));
    }

    public static boolean isToRobot(String channel) {
        return channel.startsWith("fc:ctl:robot:");
    }
}
