package io.fleetcast.control.socket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.control.protocol.MessageCodec;
import io.fleetcast.control.queue.PlayroomQueue;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * {@code GET /api/robots/{id}/queue}: the playroom queue for the UI. Public like the playroom
 * itself; with a bearer token the answer also carries the caller's position.
 */
final class QueueResource implements Handler {

    private final ControlAccess access;
    private final PlayroomQueue queue;
    private final MessageCodec codec;

    QueueResource(ControlAccess access, PlayroomQueue queue, MessageCodec codec) {
        this.access = access;
        this.queue = queue;
        this.codec = codec;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        long id;
        try {
            id = Long.parseLong(request.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            answer(response, 404, "not_found", "unknown robot");
            return;
        }
        Optional<RobotInfo> robot = access.robot(id);
        if (robot.isEmpty()) {
            answer(response, 404, "not_found", "unknown robot");
            return;
        }
        if (!robot.get().playroom()) {
            answer(response, 404, "not_playroom", "this robot has no queue");
            return;
        }
        Long user = null;
        if (request.headers().contains(HeaderNames.AUTHORIZATION)) {
            String value = request.headers().get(HeaderNames.AUTHORIZATION).get();
            if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                answer(response, 401, "unauthenticated", "bearer token expected");
                return;
            }
            Optional<Long> named = access.userForToken(value.substring(7).trim());
            if (named.isEmpty()) {
                answer(response, 401, "unauthenticated", "bad or expired token");
                return;
            }
            user = named.get();
        }
        ObjectNode body = codec.tree(QueueFrames.event(queue.status(id), user));
        body.remove("type");
        body.remove("event");
        body.put("robot", id);
        response.header("Content-Type", "application/json").send(body.toString());
    }

    private void answer(ServerResponse response, int status, String code, String message) {
        response.status(Status.create(status)).header("Content-Type", "application/json")
                .send(codec.json().createObjectNode().put("error", code).put("message", message)
                        .toString());
    }
}
