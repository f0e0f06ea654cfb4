package io.fleetcast.control.user;

/** A user as JSON. */
public record UserView(long id, String name, Role role, String createdAt, boolean disabled) {
    public static UserView of(User user) {
        return new UserView(user.id(), user.name(), user.role(), user.createdAt().toString(), user.disabled());
    }
}
