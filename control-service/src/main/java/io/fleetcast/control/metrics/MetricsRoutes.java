package io.fleetcast.control.metrics;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: the Prometheus text exposition of every meter. */
public final class MetricsRoutes implements Handler {
    private final PrometheusMeterRegistry registry;

    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .send(registry.scrape());
    }
}
