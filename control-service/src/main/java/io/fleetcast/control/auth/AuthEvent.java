package io.fleetcast.control.auth;

import java.time.Instant;

/** One audited auth decision. No field ever holds a credential. */
public record AuthEvent(Instant at, long robotId, long userId, String path, String action, String protocol, String ip,
                        boolean allowed, int status, String reason) {
}
