package io.fleetcast.control.store;

/** A database statement failed for a reason that is not the caller's input. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
