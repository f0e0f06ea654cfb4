package io.fleetcast.control.http;

/** Authenticated, but this user may not do this (e.g. not the robot's owner). */
public final class ForbiddenException extends ApiException {
    public ForbiddenException(String message) {
        super(403, "forbidden", message, null);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(403, "forbidden", message, cause);
    }
}
