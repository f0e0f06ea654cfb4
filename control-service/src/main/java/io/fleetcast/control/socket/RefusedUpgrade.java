package io.fleetcast.control.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * A refused upgrade falls through to plain HTTP; answering here gives the client the reason
 * (404 unknown robot, 401 bad credentials, 403 no access) instead of a bare 404.
 */
final class RefusedUpgrade implements Handler {

    private final Admission admission;
    private final ObjectMapper json;

    RefusedUpgrade(Admission admission, ObjectMapper json) {
        this.admission = admission;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        int status;
        String message;
        try {
            admission.admit(request.path().path(),
                    Credentials.from(request.query(), request.headers()));
            status = 426;
            message = "this is a WebSocket endpoint";
        } catch (Refusal e) {
            status = e.status();
            message = e.getMessage();
        }
        String code = switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            default -> "upgrade_required";
        };
        response.status(Status.create(status))
                .header("Content-Type", "application/json")
                .send(json.createObjectNode().put("error", code).put("message", message).toString());
    }
}
