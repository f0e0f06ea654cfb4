package io.fleetcast.control.user;

import java.time.Instant;
import java.util.Objects;

/** An account as the API shows it (never with its password hash). */
public record User(long id, String name, Role role, Instant createdAt) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
