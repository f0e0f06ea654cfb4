package io.fleetcast.control.auth;

import io.fleetcast.control.http.ErrorBody;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.store.DatabaseWatch;
import io.fleetcast.control.store.StoreUnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /internal/auth}: MediaMTX's external authentication hook (and nginx-rtmp
 * {@code on_publish}). Order: parse, per-address failure limit, database health, policy; then
 * audit, metrics, reply. 2xx allows, anything else denies. Reads allowed on a user token are
 * handed to the {@link ReadTracker}, so they can be kicked when that token is taken back.
 */
public final class AuthRoutes implements Handler {
    private static final System.Logger LOG = System.getLogger(AuthRoutes.class.getName());
    private static final int MAX_BODY = 32 * 1024;

    private final AuthPolicy policy;
    private final FailureLimiter limiter;
    private final AuthAudit audit;
    private final DatabaseWatch database;
    private final Json json;
    private final Clock clock;
    private final Timer latency;
    private final DecisionCounters counters;
    private final AuthRequests parser = new AuthRequests();
    private final ReadTracker reads;

    public AuthRoutes(AuthPolicy policy, FailureLimiter limiter, AuthAudit audit, DatabaseWatch database, Json json,
                      Clock clock, MeterRegistry registry, ReadTracker reads) {
        this.policy = policy;
        this.reads = reads;
        this.limiter = limiter;
        this.audit = audit;
        this.database = database;
        this.json = json;
        this.clock = clock;
        this.counters = new DecisionCounters(registry);
        this.latency = Timer.builder("fleetcast_auth_duration").description("time to answer /internal/auth")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        try {
            answer(req, res);
        } finally {
            latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void answer(ServerRequest req, ServerResponse res) {
        AuthRequest request;
        try {
            request = parse(req);
        } catch (MalformedAuthRequestException e) {
            audit.record(new AuthEvent(clock.instant(), 0, 0, "", "invalid", "", "", false, 400, Texts.clip(e.getMessage())));
            counters.countMalformed();
            json.send(res, Status.BAD_REQUEST_400, new ErrorBody("bad_request", e.getMessage()));
            return;
        }
        if (limiter.blocked(request.ip())) {
            finish(res, request, new AuthDecision(429, "too many failed attempts from this address", 0, 0), Outcome.LIMITED);
            return;
        }
        AuthDecision decision;
        try {
            if (!database.up()) {
                throw new StoreUnavailableException("database watch reports PostgreSQL down", null);
            }
            decision = policy.decide(request);
        } catch (StoreUnavailableException e) {
            // The watch logs the outage once (WARNING); per request it would flood the log.
            database.markDown(e.getMessage());
            LOG.log(Level.DEBUG, () -> "auth " + request.action().wire() + " " + Texts.clip(request.path()) + " from "
                    + request.ip() + " failed closed: database unavailable");
            finish(res, request, new AuthDecision(503, "database unavailable", 0, 0), Outcome.UNAVAILABLE);
            return;
        }
        Outcome result = decision.allowed() ? Outcome.ALLOW : decision.status() == 401 ? Outcome.CHALLENGE : Outcome.DENY;
        if (result == Outcome.DENY && limiter.recordFailure(request.ip())) {
            LOG.log(Level.WARNING, "auth failures from " + request.ip() + " reached the limit: refusing it for a while");
        }
        finish(res, request, decision, result);
    }

    private void finish(ServerResponse res, AuthRequest request, AuthDecision decision, Outcome result) {
        audit.record(new AuthEvent(clock.instant(), decision.robotId(), decision.userId(), request.path(),
                request.action().wire(), request.protocol().wire(), request.ip(), decision.allowed(), decision.status(),
                decision.reason()));
        counters.count(request.action(), result);
        if (decision.allowed()) {
            if (request.action() == AuthAction.READ && decision.token() != null && request.sessionId() != null) {
                reads.opened(decision.token(), request.protocol(), request.sessionId());
            }
            res.status(Status.OK_200).send();
            return;
        }
        LOG.log(Level.DEBUG, () -> "auth denied " + request.action().wire() + " " + Texts.clip(request.path())
                + " over " + request.protocol().wire() + " from " + request.ip() + ": " + decision.reason());
        json.send(res, Status.create(decision.status()), new ErrorBody(code(decision.status()), decision.reason()));
    }

    private AuthRequest parse(ServerRequest req) {
        byte[] body = body(req);
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        return type.startsWith("application/x-www-form-urlencoded") ? parser.fromForm(body) : parser.fromJson(body);
    }

    private static byte[] body(ServerRequest req) {
        if (!req.content().hasEntity()) {
            throw new MalformedAuthRequestException("body required");
        }
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > MAX_BODY) {
            throw new MalformedAuthRequestException("body larger than " + MAX_BODY + " bytes");
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body;
            if (declared >= 0) {
                body = new byte[(int) declared];
                if (in.readNBytes(body, 0, body.length) != body.length) {
                    throw new MalformedAuthRequestException("body shorter than its Content-Length");
                }
            } else {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                throw new MalformedAuthRequestException("body larger than " + MAX_BODY + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> "forbidden";
        };
    }
}
