package io.fleetcast.control.robot;

import io.fleetcast.control.protocol.Video;

/** A robot as JSON, with the MediaMTX path it publishes to and whether that path is live. */
public record RobotView(long id, long ownerId, String name, RobotKind kind, String path, String createdAt,
                        String updatedAt, Video video) {
    public static RobotView of(Robot robot, Video video) {
        return new RobotView(robot.id(), robot.ownerId(), robot.name(), robot.kind(), robot.path(),
                robot.createdAt().toString(), robot.updatedAt().toString(), video == null ? Video.NEVER : video);
    }
}
