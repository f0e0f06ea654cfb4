package io.fleetcast.control.http;

import io.fleetcast.control.store.StoreUnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;

/** The one place where exceptions become HTTP statuses and {@code {"error","message"}} bodies. */
public final class ErrorMapping {
    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    public static void register(HttpRouting.Builder routing, Json json) {
        routing.error(ApiException.class, (req, res, e) -> {
                    if (e instanceof TooManyRequestsException limited) {
                        res.header(HeaderNames.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
                    }
                    if (e.status() >= 500) {
                        LOG.log(Level.WARNING, req.prologue().method().text() + " " + req.path().path() + ": "
                                + e.getMessage());
                    }
                    json.send(res, Status.create(e.status()), new ErrorBody(e.code(), e.getMessage()));
                })
                .error(IllegalArgumentException.class, (req, res, e) ->
                        json.send(res, Status.BAD_REQUEST_400, new ErrorBody("bad_request", e.getMessage())))
                .error(RequestException.class, (req, res, e) -> {
                    Status status = e.status();
                    json.send(res, status, new ErrorBody(status.code() < 500 ? "bad_request" : "internal",
                            status.code() < 500 ? e.getMessage() : "internal error"));
                })
                .error(StoreUnavailableException.class, (req, res, e) -> {
                    LOG.log(Level.WARNING, "database unavailable for " + req.path().path() + ": " + e.getMessage());
                    json.send(res, Status.SERVICE_UNAVAILABLE_503, new ErrorBody("unavailable", "database unavailable"));
                })
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "unhandled error on " + req.prologue().method() + " " + req.path().path(), e);
                    json.send(res, Status.INTERNAL_SERVER_ERROR_500, new ErrorBody("internal", "internal error"));
                });
    }
}
