package io.fleetcast.control.alert;

import java.util.Objects;

/**
 * One input to the alert rules, with its time inside (epoch ms) so the rules are exact.
 *
 * @param watched for {@link RobotLink#DISCONNECTED}: someone was watching when it went
 * @param uplink  a metrics message from the robot, or null
 */
public record Observation(long at, RobotLink link, boolean watched, Uplink uplink) {

    public Observation {
        Objects.requireNonNull(link, "link");
    }

    public static Observation tick(long at) {
        return new Observation(at, RobotLink.UNCHANGED, false, null);
    }

    public static Observation metrics(long at, Uplink uplink) {
        return new Observation(at, RobotLink.UNCHANGED, false, Objects.requireNonNull(uplink, "uplink"));
    }
}
