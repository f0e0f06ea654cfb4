package io.fleetcast.control.robot;

import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.token.Principal;

/** Finds a robot for a caller who must own it: 404 when it does not exist, 403 when not theirs. */
public final class OwnedRobots {
    private final Robots robots;

    public OwnedRobots(Robots robots) {
        this.robots = robots;
    }

    public Robot require(long robotId, Principal caller) {
        Robot robot = robots.find(robotId).orElseThrow(() -> new NotFoundException("robot " + robotId + " does not exist"));
        if (robot.ownerId() != caller.userId()) {
            throw new ForbiddenException("robot " + robotId + " belongs to another user");
        }
        return robot;
    }
}
