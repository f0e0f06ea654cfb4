package io.fleetcast.control.user;

/** Body of {@code POST /api/login}. */
public record Login(String name, String password) {
    public Login {
        if (name == null || password == null) {
            throw new IllegalArgumentException("name and password are required");
        }
    }
}
