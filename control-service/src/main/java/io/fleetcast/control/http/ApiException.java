package io.fleetcast.control.http;

/** A failure the caller caused; {@link ErrorMapping} turns it into its status and JSON body. */
public abstract class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    protected ApiException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
