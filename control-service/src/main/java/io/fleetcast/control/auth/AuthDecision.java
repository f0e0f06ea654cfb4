package io.fleetcast.control.auth;

import io.fleetcast.control.token.VerifiedToken;
import java.util.Objects;

/**
 * The answer to MediaMTX plus what the audit records. {@code robotId} and {@code userId} are 0
 * when unknown. {@code reason} never contains a secret. {@code token} is the user token an
 * allowed read rests on (null otherwise), so the session can be kicked once it is taken back.
 */
public record AuthDecision(int status, String reason, long robotId, long userId, VerifiedToken token) {
    public AuthDecision {
        Objects.requireNonNull(reason, "reason");
    }

    public AuthDecision(int status, String reason, long robotId, long userId) {
        this(status, reason, robotId, userId, null);
    }

    public boolean allowed() {
        return status >= 200 && status < 300;
    }

    static AuthDecision allow(String reason, long robotId, long userId) {
        return new AuthDecision(200, reason, robotId, userId);
    }

    static AuthDecision allow(String reason, long robotId, VerifiedToken token) {
        return new AuthDecision(200, reason, robotId, token.userId(), token);
    }

    /** 401: no credentials at all, so the client (RTSP in particular) retries with them. */
    static AuthDecision challenge(String reason, long robotId) {
        return new AuthDecision(401, reason, robotId, 0);
    }

    static AuthDecision deny(String reason, long robotId, long userId) {
        return new AuthDecision(403, reason, robotId, userId);
    }
}
