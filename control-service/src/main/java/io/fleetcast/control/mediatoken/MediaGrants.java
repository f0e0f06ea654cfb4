package io.fleetcast.control.mediatoken;

import io.fleetcast.control.access.AccessCache;
import io.fleetcast.control.access.RobotAccess;
import io.fleetcast.control.auth.PlayroomDriver;
import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.http.UnauthenticatedException;
import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.token.Principal;
import java.util.List;
import java.util.Optional;

/**
 * What a media token may grant, by the rules {@code /internal/auth} applies in the http mode:
 * a robot's owner and its grantees read (and play back) its path; the playroom is read over
 * MediaMTX only by its current driver, with a token that lives seconds (everyone else watches
 * its HLS from the bridge); a robot that presents its stream key publishes to its own path.
 */
public final class MediaGrants {
    private final AccessCache access;
    private final PlayroomDriver playroomDriver;
    private final MediaTokens tokens;

    public MediaGrants(AccessCache access, PlayroomDriver playroomDriver, MediaTokens tokens) {
        this.access = access;
        this.playroomDriver = playroomDriver;
        this.tokens = tokens;
    }

    public MediaToken forReader(Principal user, long robotId) {
        RobotAccess robot = access.robot(robotId)
                .orElseThrow(() -> new NotFoundException("robot " + robotId + " does not exist"));
        String subject = "user_" + user.userId();
        if (robot.kind() == RobotKind.PLAYROOM) {
            if (!playroomDriver.isCurrentDriver(user.userId(), robot)) {
                throw new ForbiddenException("only the current driver reads the playroom over WebRTC;"
                        + " everyone watches its HLS");
            }
            return tokens.issue(subject, List.of(new MediaPermission("read", path(robot))),
                    tokens.settings().driveTtl());
        }
        if (!robot.allows(user.userId(), Permission.VIEW)) {
            throw new ForbiddenException("no view permission on robot " + robotId);
        }
        return tokens.issue(subject, List.of(new MediaPermission("read", path(robot)),
                new MediaPermission("playback", path(robot))), tokens.settings().readTtl());
    }

    /** The same answer for an unknown robot and a wrong key, so neither can be told apart. */
    public MediaToken forPublisher(long robotId, String streamKey) {
        Optional<RobotAccess> robot = access.robot(robotId);
        if (robot.isEmpty() || streamKey == null || !robot.get().keyMatches(streamKey)) {
            throw new UnauthenticatedException("unknown robot or wrong stream key");
        }
        return tokens.issue("robot_" + robotId, List.of(new MediaPermission("publish", path(robot.get()))),
                tokens.settings().publishTtl());
    }

    private static String path(RobotAccess robot) {
        return robot.kind() == RobotKind.PLAYROOM ? "playroom" : "robot_" + robot.robotId();
    }
}
