package io.fleetcast.control.socket;

import io.fleetcast.control.protocol.Role;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides, before the upgrade, whether a socket may open and with which role. */
final class Admission {

    private static final Pattern PATH = Pattern.compile("/control/robot_([1-9][0-9]{0,17})");

    private final ControlAccess access;

    Admission(ControlAccess access) {
        this.access = access;
    }

    Admitted admit(String path, Credentials credentials) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new Refusal(404, "no such control channel");
        }
        long id = Long.parseLong(matcher.group(1));
        RobotInfo robot = access.robot(id).orElseThrow(() -> new Refusal(404, "unknown robot"));
        if (credentials.streamKey() != null) {
            if (!access.streamKeyMatches(id, credentials.streamKey())) {
                throw new Refusal(401, "bad stream key");
            }
            return new Admitted(robot, Role.ROBOT, null);
        }
        if (credentials.token() == null) {
            if (robot.playroom()) {
                return new Admitted(robot, Role.VIEWER, null);
            }
            throw new Refusal(401, "credentials required");
        }
        String token = credentials.token();
        long user = access.userForToken(token)
                .orElseThrow(() -> new Refusal(401, "bad, expired or revoked token"));
        if (user == robot.owner() || (robot.playroom() && access.operator(token))) {
            // An operator on the playroom overrides the queue like its owner (the admin page).
            return new Admitted(robot, Role.OWNER, user, token);
        }
        return switch (access.grant(user, id)) {
            // On the playroom a drive grant is no way around the queue: only its current driver commands.
            case DRIVE -> new Admitted(robot, robot.playroom() ? Role.VIEWER : Role.DRIVER, user, token);
            case VIEW -> new Admitted(robot, Role.VIEWER, user, token);
            case NONE -> {
                if (robot.playroom()) {
                    yield new Admitted(robot, Role.VIEWER, user, token);
                }
                throw new Refusal(403, "no access to this robot");
            }
        };
    }
}
