package io.fleetcast.control.robot;

/** A stream key, shown exactly once (on create or rotate), with the robot it belongs to. */
public record KeyView(RobotView robot, String streamKey) {
}
