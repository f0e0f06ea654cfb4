package io.fleetcast.control.socket;

import java.util.Optional;

/** What the control sockets need to know about accounts and robots. */
public interface ControlAccess {

    Optional<RobotInfo> robot(long robotId);

    /** Constant-time check of a robot's stream key. */
    boolean streamKeyMatches(long robotId, String streamKey);

    /** The user a valid, unexpired token names. */
    Optional<Long> userForToken(String token);

    Grant grant(long userId, long robotId);

    /** Whether a valid token belongs to an operator (who may override the playroom's queue). */
    boolean operator(String token);
}
