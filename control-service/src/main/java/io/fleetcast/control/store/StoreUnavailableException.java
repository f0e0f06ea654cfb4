package io.fleetcast.control.store;

/** The database cannot be reached; callers fail closed (HTTP 503). */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
