package io.fleetcast.control.http;

/** Malformed JSON, a missing field or a value out of range; the message names the field. */
public final class BadInputException extends ApiException {
    public BadInputException(String message) {
        super(400, "bad_request", message, null);
    }

    public BadInputException(String message, Throwable cause) {
        super(400, "bad_request", message, cause);
    }
}
