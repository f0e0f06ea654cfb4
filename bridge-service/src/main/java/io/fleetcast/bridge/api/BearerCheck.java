package io.fleetcast.bridge.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code Authorization: Bearer <BRIDGE_API_TOKEN>} in front of a handler, compared in constant
 * time (MessageDigest.isEqual: its time depends only on the presented length). Without a
 * configured token every guarded route is refused. The token is never logged or answered.
 */
public final class BearerCheck {
    private static final String SCHEME = "Bearer ";
    private final byte[] expected;

    /** @param token the API token, null when BRIDGE_API_TOKEN is unset */
    public BearerCheck(String token) {
        this.expected = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public Handler guard(Handler handler) {
        return (req, res) -> {
            if (expected == null) {
                throw ApiException.unauthorized("the API is off: BRIDGE_API_TOKEN is not set on the bridge");
            }
            String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
            if (!matches(header)) {
                throw ApiException.unauthorized(header.isEmpty()
                        ? "Authorization: Bearer <BRIDGE_API_TOKEN> is required" : "the bearer token is not valid");
            }
            handler.handle(req, res);
        };
    }

    boolean matches(String authorization) {
        byte[] presented = authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        return MessageDigest.isEqual(presented, expected);
    }
}
