package io.fleetcast.control.login;

import io.fleetcast.control.user.Passwords;

/** Body of {@code POST /api/auth/password}. */
public record PasswordChange(String currentPassword, String newPassword) {
    public PasswordChange {
        if (currentPassword == null || newPassword == null) {
            throw new IllegalArgumentException("currentPassword and newPassword are required");
        }
        Passwords.require(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new IllegalArgumentException("newPassword must differ from currentPassword");
        }
    }

    @Override
    public String toString() {
        return "PasswordChange[***]";
    }
}
