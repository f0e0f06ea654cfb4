package io.fleetcast.observer.robot;

import io.fleetcast.observer.scene.Pose;

/**
 * A unicycle's pose and velocities at one moment. The arena is a square of
 * {@value #ARENA} m either side of the centre with walls: the robot slides along a wall it
 * drives into (the coordinate is clamped) and keeps its heading, as a real one would.
 */
record Motion(double x, double y, double yaw, double linear, double angular, long at, String lastCommand) {
    static final double ARENA = 2.0;
    private static final long STEP_MS = 20;

    static Motion still(long at) {
        return new Motion(0, 0, 0, 0, 0, at, "");
    }

    /** The motion integrated to {@code to}, in short steps so the walls bend the path where they are hit. */
    Motion advance(long to) {
        double px = x;
        double py = y;
        double heading = yaw;
        for (long t = at; t < to; ) {
            long step = Math.min(STEP_MS, to - t);
            double dt = step / 1000.0;
            if (Math.abs(angular) < 1e-9) {
                px += linear * Math.cos(heading) * dt;
                py += linear * Math.sin(heading) * dt;
            } else {
                double turned = heading + angular * dt;
                px += linear / angular * (Math.sin(turned) - Math.sin(heading));
                py -= linear / angular * (Math.cos(turned) - Math.cos(heading));
                heading = turned;
            }
            px = clamp(px);
            py = clamp(py);
            t += step;
        }
        return new Motion(px, py, normalize(heading), linear, angular, Math.max(at, to), lastCommand);
    }

    Motion withVelocity(double newLinear, double newAngular, String command) {
        return new Motion(x, y, yaw, newLinear, newAngular, at, command);
    }

    boolean moving() {
        return linear != 0 || angular != 0;
    }

    Pose pose() {
        return new Pose(x, y, yaw, lastCommand);
    }

    private static double clamp(double v) {
        return Math.max(-ARENA, Math.min(ARENA, v));
    }

    private static double normalize(double angle) {
        double a = Math.IEEEremainder(angle, 2 * Math.PI);
        return a <= -Math.PI ? a + 2 * Math.PI : a;
    }
}
