package io.fleetcast.control.robot;

/** Body of {@code POST /api/robots}; {@code kind} defaults to private. */
public record NewRobot(String name, String kind) {
    public NewRobot {
        Robot.requireName(name);
        kind = kind == null ? RobotKind.PRIVATE.wire() : kind;
        RobotKind.parse(kind);
    }
}
