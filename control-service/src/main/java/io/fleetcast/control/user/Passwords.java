package io.fleetcast.control.user;

/** The password policy: long enough to matter, short enough that hashing stays bounded. */
public final class Passwords {
    public static final int MIN = 8;
    public static final int MAX = 256;

    private Passwords() {
    }

    public static String require(String password) {
        if (password == null || password.length() < MIN || password.length() > MAX) {
            throw new IllegalArgumentException("password must be " + MIN + " to " + MAX + " characters");
        }
        return password;
    }
}
