package io.fleetcast.control.http;

/** The request body is larger than the endpoint accepts. */
public final class TooLargeException extends ApiException {
    public TooLargeException(String message) {
        super(413, "too_large", message, null);
    }
}
