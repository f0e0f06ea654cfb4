package io.fleetcast.bridge.audio;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code Authorization: Bearer <AUDIO_TOKEN>} in front of a handler. The comparison takes the
 * same time whatever the presented token shares with the real one (MessageDigest.isEqual,
 * whose time depends only on the presented length). Neither token is ever logged, nor put
 * in an answer.
 */
final class BearerCheck {
    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    BearerCheck(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("the audio endpoint needs a token");
        }
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    Handler guard(Handler handler) {
        return (req, res) -> {
            String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
            if (!matches(header)) {
                throw new AudioRequestException(401, header.isEmpty()
                        ? "Authorization: Bearer <AUDIO_TOKEN> is required"
                        : "the bearer token is not valid");
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
