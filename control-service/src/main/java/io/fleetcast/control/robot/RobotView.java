package io.fleetcast.control.robot;

/** A robot as JSON, with the MediaMTX path it publishes to. */
public record RobotView(long id, long ownerId, String name, RobotKind kind, String path, String createdAt,
                        String updatedAt) {
    public static RobotView of(Robot robot) {
        return new RobotView(robot.id(), robot.ownerId(), robot.name(), robot.kind(), robot.path(),
                robot.createdAt().toString(), robot.updatedAt().toString());
    }
}
