package io.fleetcast.control.http;

/** No valid token (missing, malformed, expired or badly signed) or wrong login. */
public final class UnauthenticatedException extends ApiException {
    public UnauthenticatedException(String message) {
        super(401, "unauthorized", message, null);
    }

    public UnauthenticatedException(String message, Throwable cause) {
        super(401, "unauthorized", message, cause);
    }
}
