package io.fleetcast.control.token;

import io.fleetcast.control.http.UnauthenticatedException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** Reads {@code Authorization: Bearer <token>} and turns it into a {@link Principal}. */
public final class Bearer {
    private static final String PREFIX = "Bearer ";

    private final Tokens tokens;

    public Bearer(Tokens tokens) {
        this.tokens = tokens;
    }

    public Principal require(ServerRequest request) {
        return requireToken(request).principal();
    }

    /** The caller's token itself (log-out needs its id and expiry). */
    public VerifiedToken requireToken(ServerRequest request) {
        return optionalToken(request).orElseThrow(() -> new UnauthenticatedException(
                "a valid token is required: Authorization: Bearer <token> from POST /api/login"));
    }

    public Optional<Principal> optional(ServerRequest request) {
        return optionalToken(request).map(VerifiedToken::principal);
    }

    private Optional<VerifiedToken> optionalToken(ServerRequest request) {
        Optional<String> header = request.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new UnauthenticatedException("Authorization must use the Bearer scheme");
        }
        Optional<VerifiedToken> token = tokens.verifyToken(value.substring(PREFIX.length()).trim());
        if (token.isEmpty()) {
            throw new UnauthenticatedException("token is invalid, expired or revoked");
        }
        return token;
    }
}
