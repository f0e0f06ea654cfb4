package io.fleetcast.control.protocol;

/**
 * What viewers know about the robot: {@code online} whether its control socket is up,
 * {@code video} whether its media path is publishing ({@code null}, left out of the frame,
 * when the service could not read it). Sent when either changes.
 */
public record Presence(long robot, boolean online, Video video) implements Message {

    @Override
    public String type() {
        return "presence";
    }
}
