package io.fleetcast.control.permission;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an owner can grant on a robot. Drive implies view: nobody drives blind. */
public enum Permission {
    VIEW, DRIVE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Permission parse(String text) {
        for (Permission permission : values()) {
            if (permission.wire().equals(text)) {
                return permission;
            }
        }
        throw new IllegalArgumentException("permission must be view or drive, got '" + text + "'");
    }
}
