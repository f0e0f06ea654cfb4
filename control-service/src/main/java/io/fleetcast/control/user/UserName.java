package io.fleetcast.control.user;

import java.util.regex.Pattern;

/** Validation shared by every place a user name enters the system. */
public final class UserName {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private UserName() {
    }

    public static String require(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name must be 1-64 letters, digits, '_', '.' or '-' starting with a letter or digit");
        }
        return name;
    }
}
