package io.fleetcast.bridge.api;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** The handlers of {@code /api/broadcasts}: list, status, start, stop, slate. */
public final class BroadcastRoutes {
    private final BroadcastManager manager;
    private final Json json;

    public BroadcastRoutes(BroadcastManager manager, Json json) {
        this.manager = manager;
        this.json = json;
    }

    public void list(ServerRequest req, ServerResponse res) {
        json.send(res, Status.OK_200, Map.of("broadcasts", manager.list()));
    }

    public void get(ServerRequest req, ServerResponse res) {
        String name = name(req);
        json.send(res, Status.OK_200, manager.status(name)
                .orElseThrow(() -> ApiException.notFound("no broadcast named " + name)));
    }

    /** 201 when it started, 200 when it was running already (the body then must be empty). */
    public void start(ServerRequest req, ServerResponse res) {
        StartRequest request = json.readOptional(req, StartRequest.class, StartRequest.EMPTY);
        BroadcastManager.Started started = manager.start(name(req), request);
        json.send(res, started.started() ? Status.CREATED_201 : Status.OK_200, started.status());
    }

    public void stop(ServerRequest req, ServerResponse res) {
        json.send(res, Status.OK_200, manager.stop(name(req)));
    }

    /**
     * What MediaMTX's runOnUnavailable calls: nothing to do, as the pipeline repeats the last
     * picture at once and shows the slate SLATE_AFTER_MS after its source stops, keeping every
     * output (YouTube) up; the broadcast keeps running and reconnects. Answers its status.
     */
    public void slate(ServerRequest req, ServerResponse res) {
        String name = name(req);
        BroadcastStatus status = manager.status(name)
                .orElseThrow(() -> ApiException.notFound("no broadcast named " + name));
        json.send(res, Status.OK_200, Map.of("broadcast", status, "message",
                "the broadcast keeps running: its pipeline shows the slate by itself while the source is away"));
    }

    private static String name(ServerRequest req) {
        return req.path().pathParameters().get("name");
    }
}
