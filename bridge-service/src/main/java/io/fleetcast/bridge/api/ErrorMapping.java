package io.fleetcast.bridge.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger.Level;

/** The one place where exceptions become HTTP statuses and {@code {"error","message","field"}} bodies. */
public final class ErrorMapping {
    private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    public static void register(HttpRouting.Builder routing, Json json) {
        routing.error(ApiException.class, (req, res, e) -> {
                    if (e.status() == 401) {
                        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"fleetcast-bridge\"");
                        LOG.log(Level.WARNING, "refused " + req.prologue().method().text() + " " + req.path().path()
                                + " from " + req.remotePeer().host() + ": " + e.getMessage());
                    }
                    json.send(res, Status.create(e.status()), new ErrorBody(e.code(), e.getMessage(), e.field()));
                })
                .error(RequestException.class, (req, res, e) -> {
                    Status status = e.status();
                    json.send(res, status, new ErrorBody(status.code() < 500 ? "bad_request" : "internal",
                            status.code() < 500 ? e.getMessage() : "internal error", null));
                })
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "unhandled error on " + req.prologue().method().text() + " "
                            + req.path().path(), e);
                    json.send(res, Status.INTERNAL_SERVER_ERROR_500, new ErrorBody("internal", "internal error", null));
                });
    }
}
