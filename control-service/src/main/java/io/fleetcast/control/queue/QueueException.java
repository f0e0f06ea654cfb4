package io.fleetcast.control.queue;

/** A refused queue operation; {@code code} is the protocol error code. */
public final class QueueException extends RuntimeException {

    private final String code;
    private final long robot;

    public QueueException(String code, long robot, String message) {
        super(message + " (robot " + robot + ")");
        this.code = code;
        this.robot = robot;
    }

    public String code() {
        return code;
    }

    public long robot() {
        return robot;
    }
}
