package io.fleetcast.control.access;

import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.robot.StreamKey;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an access decision needs about one robot, held in memory: owner, kind, the stream
 * key's hash and the users granted view or drive.
 */
public record RobotAccess(long robotId, long ownerId, RobotKind kind, byte[] keyHash, Set<Long> viewers,
                          Set<Long> drivers) {
    public RobotAccess {
        Objects.requireNonNull(kind, "kind");
        if (keyHash == null || keyHash.length != 32) {
            throw new IllegalArgumentException("keyHash must be a SHA-256 digest");
        }
        keyHash = keyHash.clone();
        viewers = Set.copyOf(viewers);
        drivers = Set.copyOf(drivers);
    }

    /** Constant-time check of a presented stream key against the stored hash. */
    public boolean keyMatches(String candidate) {
        return StreamKey.matches(candidate, keyHash);
    }

    public boolean isOwner(long userId) {
        return ownerId == userId;
    }

    /** The owner holds every permission; drive implies view. */
    public boolean allows(long userId, Permission permission) {
        if (isOwner(userId) || drivers.contains(userId)) {
            return true;
        }
        return permission == Permission.VIEW && viewers.contains(userId);
    }

    @Override
    public byte[] keyHash() {
        return keyHash.clone();
    }
}
