package io.fleetcast.control.mediamtx;

import io.fleetcast.control.http.UnauthenticatedException;
import io.fleetcast.control.http.UnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret MediaMTX's hooks send ({@code Authorization: Bearer $MEDIAMTX_HOOK_SECRET})
 * on the {@code /internal/...} hook endpoints (path state, finished recordings). Unset: every
 * hook call is refused with 503, so a forgotten setting is seen rather than left open.
 */
public final class HookSecret {
    private final Optional<byte[]> secret;

    public HookSecret(Optional<String> secret) {
        this.secret = secret.map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    public void require(ServerRequest request) {
        byte[] expected = secret.orElseThrow(() -> new UnavailableException(
                "MEDIAMTX_HOOK_SECRET is not set on the control service: hook calls are refused", null));
        String header = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        byte[] given = header.startsWith("Bearer ") ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(expected, given)) {
            throw new UnauthenticatedException("hook call without the right Bearer MEDIAMTX_HOOK_SECRET");
        }
    }

    public boolean configured() {
        return secret.isPresent();
    }
}
