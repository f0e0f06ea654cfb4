package io.fleetcast.control.user;

import java.time.Instant;
import java.util.Objects;

/**
 * An account as the API shows it (never with its password hash). {@code tokenVersion} goes into
 * every token issued to it; a token of an older version no longer counts.
 */
public record User(long id, String name, Role role, Instant createdAt, long tokenVersion, boolean disabled) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new, enabled account whose tokens were never taken back. */
    public User(long id, String name, Role role, Instant createdAt) {
        this(id, name, role, createdAt, 0, false);
    }
}
