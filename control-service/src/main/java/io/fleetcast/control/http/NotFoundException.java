package io.fleetcast.control.http;

/** The named user, robot or grant does not exist. */
public final class NotFoundException extends ApiException {
    public NotFoundException(String message) {
        super(404, "not_found", message, null);
    }

    public NotFoundException(String message, Throwable cause) {
        super(404, "not_found", message, cause);
    }
}
