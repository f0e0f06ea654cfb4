package io.fleetcast.control.socket;

/** The facts about a robot that decide roles on its control channel. */
public record RobotInfo(long id, long owner, boolean playroom) {

    public RobotInfo {
        if (id <= 0) {
            throw new IllegalArgumentException("robot id must be > 0, got " + id);
        }
    }

    public String kind() {
        return playroom ? "playroom" : "private";
    }
}
