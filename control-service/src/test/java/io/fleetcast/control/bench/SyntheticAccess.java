package io.fleetcast.control.bench;

import io.fleetcast.control.socket.ControlAccess;
import io.fleetcast.control.socket.Grant;
import io.fleetcast.control.socket.RobotInfo;
import java.util.Optional;

/**
 * Accounts for the relay benchmark, computed instead of stored: robot r (1..R) has stream key
 * "k{r}" and owner 1,000,000 + r (who drives it); viewer n has token "u{n}" and a view grant on
 * robot 1 + n % R; robot R + 1 is a playroom. The relay path never consults accounts after the
 * upgrade.
 */
public final class SyntheticAccess implements ControlAccess {

    static final long OWNER_BASE = 1_000_000;

    private final int robots;

    public SyntheticAccess(int robots) {
        this.robots = robots;
    }

    static long robotOfViewer(long viewer, int robots) {
        return 1 + viewer % robots;
    }

    @Override
    public Optional<RobotInfo> robot(long robotId) {
        return robotId >= 1 && robotId <= robots + 1
                ? Optional.of(new RobotInfo(robotId, OWNER_BASE + robotId, robotId == robots + 1))
                : Optional.empty();
    }

    @Override
    public boolean streamKeyMatches(long robotId, String streamKey) {
        return streamKey.equals("k" + robotId);
    }

    @Override
    public Optional<Long> userForToken(String token) {
        if (!token.startsWith("u")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(token.substring(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public Grant grant(long userId, long robotId) {
        return userId < OWNER_BASE && robotOfViewer(userId, robots) == robotId ? Grant.VIEW
                : Grant.NONE;
    }

    @Override
    public boolean operator(String token) {
        return false;
    }
}
