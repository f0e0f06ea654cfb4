package io.fleetcast.control.permission;

/** Answer to a grant: the grant as it now stands. */
public record GrantResult(long robotId, long userId, String user, Permission permission) {
}
