package io.fleetcast.observer.control;

record CommandFrame(RobotCommand command) implements ServerFrame {
}
