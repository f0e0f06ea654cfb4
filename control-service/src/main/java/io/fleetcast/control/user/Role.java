package io.fleetcast.control.user;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an account may do beyond its own robots: operators run the stack (MediaMTX api/metrics). */
public enum Role {
    USER, OPERATOR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.wire().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be user or operator, got '" + text + "'");
    }
}
