package io.fleetcast.observer.scene;

/**
 * Where the robot is, as the synthetic scene draws it.
 *
 * @param x           metres east of the arena's centre
 * @param y           metres north of the arena's centre
 * @param yaw         heading in radians, 0 facing east, counter-clockwise positive
 * @param lastCommand the last command received, for people watching ("move 0.40 -0.10"); may be empty
 */
public record Pose(double x, double y, double yaw, String lastCommand) {
    public static final Pose ORIGIN = new Pose(0, 0, 0, "");

    public Pose {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(yaw)) {
            throw new IllegalArgumentException("pose must be finite, got " + x + ", " + y + ", " + yaw);
        }
        lastCommand = lastCommand == null ? "" : lastCommand;
    }
}
