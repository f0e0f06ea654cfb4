package io.fleetcast.control.token;

/**
 * Whether a well-signed, unexpired token has been taken back since it was issued (log-out,
 * password change, disabled account). {@link Tokens} asks on every verification, so it must
 * answer from memory.
 */
@FunctionalInterface
public interface TokenCheck {
    /** For processes that only issue tokens (the admin command line) and for token unit tests. */
    TokenCheck NONE = token -> true;

    boolean stillValid(VerifiedToken token);
}
