package io.fleetcast.observer.control;

/** The robot bridge could not deliver a command; the message is what the driver's ack says. */
public final class RobotLinkException extends RuntimeException {
    public RobotLinkException(String message) {
        super(message);
    }

    public RobotLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
