package io.fleetcast.control.mediatoken;

import java.util.List;

/** A media token as the API answers it: pass {@code token} as MediaMTX's bearer token or {@code ?token=}. */
public record MediaTokenView(String token, String expiresAt, List<MediaPermission> permissions) {
    static MediaTokenView of(MediaToken token) {
        return new MediaTokenView(token.token(), token.expiresAt().toString(), token.permissions());
    }

    @Override
    public String toString() {
        return "MediaTokenView[expiresAt=" + expiresAt + ", permissions=" + permissions + "]";
    }
}
