package io.fleetcast.control.mediatoken;

import java.time.Instant;
import java.util.List;

/** A signed media token as the API hands it out; {@link #toString()} leaves the token out. */
public record MediaToken(String token, Instant expiresAt, List<MediaPermission> permissions) {
    public MediaToken {
        permissions = List.copyOf(permissions);
    }

    @Override
    public String toString() {
        return "MediaToken[expiresAt=" + expiresAt + ", permissions=" + permissions + "]";
    }
}
