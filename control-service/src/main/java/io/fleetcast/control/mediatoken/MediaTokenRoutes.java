package io.fleetcast.control.mediatoken;

import io.fleetcast.control.auth.FailureLimiter;
import io.fleetcast.control.http.BadInputException;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.http.TooManyRequestsException;
import io.fleetcast.control.http.UnauthenticatedException;
import io.fleetcast.control.token.Bearer;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The JWT mode's endpoints (PROTOCOL.md): the JWKS MediaMTX verifies with
 * ({@code authJWTJWKS}), a user's read token for one robot, and a robot's publish token in
 * exchange for its stream key (failures count towards the per-address limit of the auth webhook).
 */
public final class MediaTokenRoutes {
    private final Optional<MediaGrants> grants;
    private final Optional<MediaKeys> keys;
    private final Bearer bearer;
    private final FailureLimiter failures;
    private final Duration failureWindow;
    private final Json json;

    /** {@code keys} empty: the JWT mode is off and every route answers 404 saying so. */
    public MediaTokenRoutes(Optional<MediaKeys> keys, Optional<MediaGrants> grants, Bearer bearer, FailureLimiter failures,
                            Duration failureWindow, Json json) {
        this.grants = grants;
        this.keys = keys;
        this.bearer = bearer;
        this.failures = failures;
        this.failureWindow = failureWindow;
        this.json = json;
    }

    /** {@code GET /.well-known/jwks.json}: public keys only; MediaMTX re-reads it hourly. */
    public void jwks(ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, "application/jwk-set+json")
                .header(HeaderNames.CACHE_CONTROL, "max-age=300").send(on(keys).publicSet().toString());
    }

    /** {@code POST /api/media/token {"robot": id}} with the user's bearer token. */
    public void read(ServerRequest req, ServerResponse res) {
        var caller = bearer.require(req);
        ReadRequest body = json.read(req, ReadRequest.class);
        json.send(res, Status.OK_200, MediaTokenView.of(on(grants).forReader(caller, body.robot())));
    }

    /** {@code POST /api/media/publish-token {"robot": id, "streamKey": "..."}}. */
    public void publish(ServerRequest req, ServerResponse res) {
        String address = req.remotePeer().host();
        if (failures.blocked(address)) {
            throw new TooManyRequestsException("too many wrong stream keys from this address", failureWindow);
        }
        PublishRequest body = json.read(req, PublishRequest.class);
        try {
            json.send(res, Status.OK_200, MediaTokenView.of(on(grants).forPublisher(body.robot(), body.streamKey())));
        } catch (UnauthenticatedException e) {
            failures.recordFailure(address);
            throw e;
        }
    }

    private static <T> T on(Optional<T> part) {
        return part.orElseThrow(() -> new NotFoundException("the JWT mode for MediaMTX is off: set MEDIA_JWT_KEYS_FILE"));
    }

    record ReadRequest(Long robot) {
        ReadRequest {
            if (robot == null || robot < 1) {
                throw new BadInputException("robot must be a robot id");
            }
        }
    }

    record PublishRequest(Long robot, String streamKey) {
        PublishRequest {
            if (robot == null || robot < 1) {
                throw new BadInputException("robot must be a robot id");
            }
            if (streamKey == null || streamKey.isBlank()) {
                throw new BadInputException("streamKey is required");
            }
        }

        @Override
        public String toString() {
            return "PublishRequest[robot=" + robot + "]";
        }
    }
}
