package io.fleetcast.control.auth;

import java.util.Objects;

/**
 * The answer to MediaMTX plus what the audit records. {@code robotId} and {@code userId} are 0
 * when unknown. {@code reason} never contains a secret.
 */
public record AuthDecision(int status, String reason, long robotId, long userId) {
    public AuthDecision {
        Objects.requireNonNull(reason, "reason");
    }

    public boolean allowed() {
        return status >= 200 && status < 300;
    }

    static AuthDecision allow(String reason, long robotId, long userId) {
        return new AuthDecision(200, reason, robotId, userId);
    }

    /** 401: no credentials at all, so the client (RTSP in particular) retries with them. */
    static AuthDecision challenge(String reason, long robotId) {
        return new AuthDecision(401, reason, robotId, 0);
    }

    static AuthDecision deny(String reason, long robotId, long userId) {
        return new AuthDecision(403, reason, robotId, userId);
    }
}
