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
        return optional(request).orElseThrow(() -> new UnauthenticatedException(
                "a valid token is required: Authorization: Bearer <token> from POST /api/login"));
    }

    public Optional<Principal> optional(ServerRequest request) {
        Optional<String> header = request.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new UnauthenticatedException("Authorization must use the Bearer scheme");
        }
        Optional<Principal> principal = tokens.verify(value.substring(PREFIX.length()).trim());
        if (principal.isEmpty()) {
            throw new UnauthenticatedException("token is invalid or expired");
        }
        return principal;
    }
}
