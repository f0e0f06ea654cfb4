package io.fleetcast.control.permission;

/** Body of {@code POST /api/robots/{id}/permissions}: the user's name and view or drive. */
public record NewGrant(String user, String permission) {
    public NewGrant {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user is required");
        }
        Permission.parse(permission);
    }
}
