package io.fleetcast.control.token;

import io.fleetcast.control.user.Role;
import java.util.Objects;

/** Who a verified token speaks for. */
public record Principal(long userId, String name, Role role) {
    public Principal {
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be positive");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }
}
