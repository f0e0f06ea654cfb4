package io.fleetcast.control.metrics;

import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.token.Bearer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The Prometheus text exposition of every meter: {@code GET /metrics} on the internal listener
 * for the scraper, and {@code GET /api/admin/metrics} on the public one for operators (the admin
 * page), with an operator's token.
 */
public final class MetricsRoutes implements Handler {
    private final PrometheusMeterRegistry registry;
    private final Bearer bearer;

    public MetricsRoutes(PrometheusMeterRegistry registry, Bearer bearer) {
        this.registry = registry;
        this.bearer = bearer;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .send(registry.scrape());
    }

    public void operators(ServerRequest req, ServerResponse res) {
        if (!bearer.require(req).isOperator()) {
            throw new ForbiddenException("operator role required");
        }
        handle(req, res);
    }
}
