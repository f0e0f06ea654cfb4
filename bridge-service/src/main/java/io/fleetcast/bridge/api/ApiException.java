package io.fleetcast.bridge.api;

/**
 * A request the API refuses; {@link ErrorMapping} turns it into its status and JSON body.
 * {@code field} names the body field or path part at fault (null when none is).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    private ApiException(int status, String code, String field, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400; the message starts with the field's name so that it reads on its own in a log. */
    public static ApiException badField(String field, String message) {
        return new ApiException(400, "bad_request", field, field + ": " + message, null);
    }

    public static ApiException badRequest(String message, Throwable cause) {
        return new ApiException(400, "bad_request", null, message, cause);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", null, message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", null, message, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", null, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
