package io.fleetcast.control.http;

/** The change clashes with existing data (a taken name, a second playroom robot). */
public final class ConflictException extends ApiException {
    public ConflictException(String message) {
        super(409, "conflict", message, null);
    }

    public ConflictException(String message, Throwable cause) {
        super(409, "conflict", message, cause);
    }
}
