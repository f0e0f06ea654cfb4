package io.fleetcast.control.mediatoken;

import java.util.Set;

/**
 * One entry of MediaMTX's {@code mediamtx_permissions} claim: an action on one path (MediaMTX
 * also accepts an empty path for "any" and {@code ~regex}; we only ever grant exact paths).
 */
public record MediaPermission(String action, String path) {
    private static final Set<String> ACTIONS = Set.of("publish", "read", "playback");

    public MediaPermission {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("a media token grants publish, read or playback, not " + action);
        }
        if (path == null || !path.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("a media token grants one exact path, not '" + path + "'");
        }
    }
}
