package io.fleetcast.control.permission;

import java.time.Instant;
import java.util.Objects;

/** One user's permission on one robot. */
public record Grant(long robotId, long userId, String userName, Permission permission, Instant grantedAt) {
    public Grant {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }
}
