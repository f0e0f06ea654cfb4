package io.fleetcast.control.robot;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A robot as the API shows it; {@link #path()} is its MediaMTX path. */
public record Robot(long id, long ownerId, String name, RobotKind kind, Instant createdAt, Instant updatedAt) {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,63}");

    public Robot {
        requireName(name);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String path() {
        return kind == RobotKind.PLAYROOM ? "playroom" : "robot_" + id;
    }

    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "robot name must be 1-64 letters, digits, spaces, '_', '.' or '-' starting with a letter or digit");
        }
        return name;
    }
}
