package io.fleetcast.control.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fleetcast.control.alert.Alerts;
import io.fleetcast.control.protocol.MessageCodec;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * {@code GET /api/robots/{id}/alerts}: the robot's latest alerts, newest first, each as the
 * {@code alert} frame its owner's sockets received. The owner's alone: anyone else is told the
 * robot does not exist, as for the robot itself.
 */
final class AlertHistory implements Handler {

    private final ControlAccess access;
    private final Alerts alerts;
    private final MessageCodec codec;

    AlertHistory(ControlAccess access, Alerts alerts, MessageCodec codec) {
        this.access = access;
        this.alerts = alerts;
        this.codec = codec;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String value = request.headers().contains(HeaderNames.AUTHORIZATION)
                ? request.headers().get(HeaderNames.AUTHORIZATION).get() : "";
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            answer(response, 401, "unauthenticated", "bearer token expected");
            return;
        }
        Optional<Long> user = access.userForToken(value.substring(7).trim());
        if (user.isEmpty()) {
            answer(response, 401, "unauthenticated", "bad or expired token");
            return;
        }
        Optional<RobotInfo> robot;
        try {
            robot = access.robot(Long.parseLong(request.path().pathParameters().get("id")));
        } catch (IllegalArgumentException e) {
            robot = Optional.empty();
        }
        if (robot.isEmpty() || robot.get().owner() != user.get()) {
            answer(response, 404, "not_found", "unknown robot");
            return;
        }
        ArrayNode list = codec.json().createArrayNode();
        for (String frame : alerts.history(robot.get().id())) {
            try {
                list.add(codec.json().readTree(frame));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("alert history of robot " + robot.get().id() + " holds bad JSON", e);
            }
        }
        response.header("Content-Type", "application/json")
                .send(codec.json().createObjectNode().put("robot", robot.get().id()).set("alerts", list).toString());
    }

    private void answer(ServerResponse response, int status, String code, String message) {
        response.status(Status.create(status)).header("Content-Type", "application/json")
                .send(codec.json().createObjectNode().put("error", code).put("message", message).toString());
    }
}
