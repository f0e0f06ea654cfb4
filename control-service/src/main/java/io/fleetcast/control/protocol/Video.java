package io.fleetcast.control.protocol;

/** Whether the robot's video path is publishing on the media server, and since when (ISO-8601, null if never). */
public record Video(boolean live, String since) {
    public static final Video NEVER = new Video(false, null);
}
