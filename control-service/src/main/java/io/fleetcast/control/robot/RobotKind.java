package io.fleetcast.control.robot;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A private robot is watched by its owner and grantees; the playroom robot is public. */
public enum RobotKind {
    PRIVATE, PLAYROOM;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RobotKind parse(String text) {
        for (RobotKind kind : values()) {
            if (kind.wire().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind must be private or playroom, got '" + text + "'");
    }
}
