package io.fleetcast.bridge.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /metrics}: the Prometheus text exposition (behind the token, like every route but /health). */
public final class MetricsRoute implements Handler {
    private final BridgeMeters meters;

    public MetricsRoute(BridgeMeters meters) {
        this.meters = meters;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .send(meters.scrape());
    }
}
