package io.fleetcast.control.socket;

import io.fleetcast.control.access.AccessCache;
import io.fleetcast.control.access.RobotAccess;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.token.Principal;
import io.fleetcast.control.token.Tokens;
import java.util.Optional;

/** {@link ControlAccess} over the service's access cache and token verifier. */
public final class FleetAccess implements ControlAccess {

    private final AccessCache access;
    private final Tokens tokens;

    public FleetAccess(AccessCache access, Tokens tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @Override
    public Optional<RobotInfo> robot(long robotId) {
        return access.robot(robotId).map(robot -> new RobotInfo(robot.robotId(), robot.ownerId(),
                robot.kind() == RobotKind.PLAYROOM));
    }

    @Override
    public boolean streamKeyMatches(long robotId, String streamKey) {
        return access.robot(robotId).map(robot -> robot.keyMatches(streamKey)).orElse(false);
    }

    @Override
    public Optional<Long> userForToken(String token) {
        return tokens.verify(token).map(Principal::userId);
    }

    @Override
    public Grant grant(long userId, long robotId) {
        Optional<RobotAccess> robot = access.robot(robotId);
        if (robot.isEmpty()) {
            return Grant.NONE;
        }
        if (robot.get().drivers().contains(userId)) {
            return Grant.DRIVE;
        }
        return robot.get().viewers().contains(userId) ? Grant.VIEW : Grant.NONE;
    }

    @Override
    public boolean operator(String token) {
        return tokens.verify(token).map(Principal::isOperator).orElse(false);
    }
}
