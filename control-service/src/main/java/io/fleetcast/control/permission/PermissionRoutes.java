package io.fleetcast.control.permission;

import io.fleetcast.control.http.Ids;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.robot.OwnedRobots;
import io.fleetcast.control.robot.Robot;
import io.fleetcast.control.token.Bearer;
import io.fleetcast.control.token.Principal;
import io.fleetcast.control.user.User;
import io.fleetcast.control.user.Users;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The owner of a robot lists, grants and revokes view/drive permissions on it. */
public final class PermissionRoutes {
    private final Permissions permissions;
    private final OwnedRobots owned;
    private final Users users;
    private final Bearer bearer;
    private final Json json;

    public PermissionRoutes(Permissions permissions, OwnedRobots owned, Users users, Bearer bearer, Json json) {
        this.permissions = permissions;
        this.owned = owned;
        this.users = users;
        this.bearer = bearer;
        this.json = json;
    }

    public void list(ServerRequest req, ServerResponse res) {
        Robot robot = owned.require(Ids.pathId(req, "id"), bearer.require(req));
        json.send(res, Status.OK_200, permissions.onRobot(robot.id()).stream().map(GrantView::of).toList());
    }

    public void grant(ServerRequest req, ServerResponse res) {
        Principal caller = bearer.require(req);
        Robot robot = owned.require(Ids.pathId(req, "id"), caller);
        NewGrant body = json.read(req, NewGrant.class);
        User user = users.byName(body.user())
                .orElseThrow(() -> new NotFoundException("user '" + body.user() + "' does not exist"));
        Permission permission = Permission.parse(body.permission());
        boolean created = permissions.grant(robot.id(), user.id(), permission);
        json.send(res, created ? Status.CREATED_201 : Status.OK_200,
                new GrantResult(robot.id(), user.id(), user.name(), permission));
    }

    public void revoke(ServerRequest req, ServerResponse res) {
        Principal caller = bearer.require(req);
        Robot robot = owned.require(Ids.pathId(req, "id"), caller);
        String name = req.path().pathParameters().get("user");
        Permission permission = Permission.parse(req.path().pathParameters().get("permission"));
        User user = users.byName(name).orElseThrow(() -> new NotFoundException("user '" + name + "' does not exist"));
        if (!permissions.revoke(robot.id(), user.id(), permission)) {
            throw new NotFoundException("user '" + name + "' has no " + permission.wire() + " permission on robot " + robot.id());
        }
        res.status(Status.NO_CONTENT_204).send();
    }
}
