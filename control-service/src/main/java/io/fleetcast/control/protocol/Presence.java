package io.fleetcast.control.protocol;

/** The robot's control socket came up or went away. */
public record Presence(long robot, boolean online) implements Message {

    @Override
    public String type() {
        return "presence";
    }
}
