package io.fleetcast.control.robot;

/** A new robot and its stream key: the only time the key is ever available. */
public record CreatedRobot(Robot robot, String streamKey) {
}
