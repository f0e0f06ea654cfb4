package io.fleetcast.control.live;

import io.fleetcast.control.access.AccessCache;
import io.fleetcast.control.http.BadInputException;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.mediamtx.HookSecret;
import io.fleetcast.control.protocol.Video;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /internal/paths/{path}/available} and {@code .../unavailable}: MediaMTX's
 * {@code runOnAvailable}/{@code runOnUnavailable} hooks on robot paths. Idempotent: a repeated
 * call answers the same state with {@code changed: false} and announces nothing.
 */
public final class PathRoutes {
    private static final Pattern ROBOT_PATH = Pattern.compile("robot_(\\d{1,18})");

    private final LiveStatus live;
    private final AccessCache access;
    private final HookSecret hooks;
    private final Json json;
    private final Clock clock;

    public PathRoutes(LiveStatus live, AccessCache access, HookSecret hooks, Json json, Clock clock) {
        this.live = live;
        this.access = access;
        this.hooks = hooks;
        this.json = json;
        this.clock = clock;
    }

    public void available(ServerRequest req, ServerResponse res) {
        change(req, res, true);
    }

    public void unavailable(ServerRequest req, ServerResponse res) {
        change(req, res, false);
    }

    private void change(ServerRequest req, ServerResponse res, boolean isLive) {
        hooks.require(req);
        String path = req.path().pathParameters().get("path");
        Matcher matcher = ROBOT_PATH.matcher(path);
        if (!matcher.matches()) {
            throw new BadInputException("path must be robot_<id>, got '" + path + "'");
        }
        long robot = Long.parseLong(matcher.group(1));
        if (access.robot(robot).isEmpty()) {
            throw new NotFoundException("robot " + robot + " does not exist");
        }
        var changed = live.set(robot, isLive, clock.instant());
        Video now = changed.orElseGet(() -> live.of(robot));
        json.send(res, Status.OK_200, new PathView(robot, now, changed.isPresent()));
    }
}
