package io.fleetcast.control.user;

/** Body of {@code POST /api/users}; {@code role} defaults to user. */
public record NewUser(String name, String password, String role) {
    public NewUser {
        UserName.require(name);
        Passwords.require(password);
        role = role == null ? Role.USER.wire() : role;
        Role.parse(role);
    }
}
