package io.fleetcast.control.queue;

import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.token.Bearer;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Operators' view of the playroom queue (the waiting users' ids in order) and their two
 * overrides: skip the current driver, clear the queue. Every socket on the playroom hears the
 * change as a {@code queue} event, and the robot gets {@code stop}.
 */
public final class PlayroomAdminRoutes {
    private static final System.Logger LOG = System.getLogger(PlayroomAdminRoutes.class.getName());

    private final PlayroomQueue queue;
    private final QueueChanges changes;
    private final Supplier<Optional<Long>> playroom;
    private final Bearer bearer;
    private final Json json;

    public PlayroomAdminRoutes(PlayroomQueue queue, QueueChanges changes, Supplier<Optional<Long>> playroom,
                               Bearer bearer, Json json) {
        this.queue = queue;
        this.changes = changes;
        this.playroom = playroom;
        this.bearer = bearer;
        this.json = json;
    }

    /** {@code GET /api/admin/playroom}. */
    public void status(ServerRequest req, ServerResponse res) {
        json.send(res, Status.OK_200, queue.status(robot(req)));
    }

    /** {@code POST /api/admin/playroom/skip}. */
    public void skip(ServerRequest req, ServerResponse res) {
        change(req, res, queue::skip, "skipped the playroom driver");
    }

    /** {@code POST /api/admin/playroom/clear}. */
    public void clear(ServerRequest req, ServerResponse res) {
        change(req, res, queue::clear, "cleared the playroom queue");
    }

    private void change(ServerRequest req, ServerResponse res, LongFunction<QueueSnapshot> operation,
                        String what) {
        long robot = robot(req);
        QueueSnapshot snapshot = operation.apply(robot);
        if (snapshot.changed()) {
            changes.changed(snapshot);
            LOG.log(Level.INFO, "operator " + bearer.require(req).name() + " " + what);
        }
        json.send(res, Status.OK_200, snapshot);
    }

    private long robot(ServerRequest req) {
        if (!bearer.require(req).isOperator()) {
            throw new ForbiddenException("operator role required");
        }
        return playroom.get().orElseThrow(() -> new NotFoundException("there is no playroom robot"));
    }
}
