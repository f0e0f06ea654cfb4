package io.fleetcast.control.permission;

/** A grant as JSON. */
public record GrantView(long robotId, long userId, String user, Permission permission, String grantedAt) {
    public static GrantView of(Grant grant) {
        return new GrantView(grant.robotId(), grant.userId(), grant.userName(), grant.permission(),
                grant.grantedAt().toString());
    }
}
