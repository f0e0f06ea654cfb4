package io.fleetcast.control.robot;

import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.http.Ids;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.protocol.Video;
import io.fleetcast.control.token.Bearer;
import io.fleetcast.control.token.Principal;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** Robots of the calling user. Only operators may create the (public) playroom robot. */
public final class RobotRoutes {
    private final Robots robots;
    private final OwnedRobots owned;
    private final RobotVideo video;
    private final LongConsumer beforeDelete;
    private final Bearer bearer;
    private final Json json;

    /** @param beforeDelete deletes what belongs to a robot outside its row (its recordings) */
    public RobotRoutes(Robots robots, RobotVideo video, LongConsumer beforeDelete, Bearer bearer, Json json) {
        this.robots = robots;
        this.owned = new OwnedRobots(robots);
        this.video = video;
        this.beforeDelete = beforeDelete;
        this.bearer = bearer;
        this.json = json;
    }

    public void create(ServerRequest req, ServerResponse res) {
        Principal caller = bearer.require(req);
        NewRobot body = json.read(req, NewRobot.class);
        RobotKind kind = RobotKind.parse(body.kind());
        if (kind == RobotKind.PLAYROOM && !caller.isOperator()) {
            throw new ForbiddenException("only an operator can create the playroom robot");
        }
        CreatedRobot created = robots.create(caller.userId(), body.name(), kind);
        json.send(res, Status.CREATED_201, new KeyView(RobotView.of(created.robot(), Video.NEVER), created.streamKey()));
    }

    public void listMine(ServerRequest req, ServerResponse res) {
        Principal caller = bearer.require(req);
        json.send(res, Status.OK_200, views(robots.ownedBy(caller.userId())));
    }

    /** {@code GET /api/admin/robots[?after=id]}: every robot, up to 1000 in id order (operators). */
    public void listAll(ServerRequest req, ServerResponse res) {
        if (!bearer.require(req).isOperator()) {
            throw new ForbiddenException("operator role required");
        }
        long after = req.query().first("after").map(Long::parseLong).orElse(0L);
        json.send(res, Status.OK_200, views(robots.page(Math.max(0, after), 1000)));
    }

    private List<RobotView> views(List<Robot> list) {
        Map<Long, Video> states = video.of(list.stream().map(Robot::id).toList());
        return list.stream().map(robot -> RobotView.of(robot, states.get(robot.id()))).toList();
    }

    public void get(ServerRequest req, ServerResponse res) {
        Principal caller = bearer.require(req);
        Robot robot = owned.require(Ids.pathId(req, "id"), caller);
        json.send(res, Status.OK_200, RobotView.of(robot, video.of(robot.id())));
    }

    public void rotateKey(ServerRequest req, ServerResponse res) {
        Principal caller = bearer.require(req);
        Robot robot = owned.require(Ids.pathId(req, "id"), caller);
        String key = robots.rotateKey(robot.id())
                .orElseThrow(() -> new NotFoundException("robot " + robot.id() + " does not exist"));
        Robot updated = robots.find(robot.id()).orElse(robot);
        json.send(res, Status.OK_200, new KeyView(RobotView.of(updated, video.of(updated.id())), key));
    }

    public void delete(ServerRequest req, ServerResponse res) {
        Principal caller = bearer.require(req);
        Robot robot = owned.require(Ids.pathId(req, "id"), caller);
        beforeDelete.accept(robot.id());
        if (!robots.delete(robot.id())) {
            throw new NotFoundException("robot " + robot.id() + " does not exist");
        }
        res.status(Status.NO_CONTENT_204).send();
    }
}
