package io.fleetcast.control.admin;

/** The command line was wrong; the message says how (exit status 2). */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
