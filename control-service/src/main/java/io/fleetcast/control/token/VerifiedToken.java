package io.fleetcast.control.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A well-signed token's facts: who it speaks for, its id ({@code jti}, what log-out revokes),
 * the user's token version when it was issued, and when it expires. Holds no secret.
 */
public record VerifiedToken(Principal principal, String id, long version, Instant expiresAt) {
    public VerifiedToken {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public long userId() {
        return principal.userId();
    }
}
