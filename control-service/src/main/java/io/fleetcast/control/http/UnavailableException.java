package io.fleetcast.control.http;

/** Something the answer depends on (e.g. Redis for the login limit) cannot be reached: 503. */
public final class UnavailableException extends ApiException {
    public UnavailableException(String message, Throwable cause) {
        super(503, "unavailable", message, cause);
    }
}
