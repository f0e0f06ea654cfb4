package io.fleetcast.control.token;

import java.util.Set;

/**
 * What decides whether a user's tokens still count: the current token version (a token issued
 * under an older one is void), whether the account is disabled, and the ids of single tokens
 * revoked by log-out that have not expired yet.
 */
public record Standing(long version, boolean disabled, Set<String> revoked) {
    public Standing {
        revoked = Set.copyOf(revoked);
    }

    public boolean accepts(VerifiedToken token) {
        return !disabled && token.version() == version && !revoked.contains(token.id());
    }
}
