package io.fleetcast.control.auth;

import io.fleetcast.control.token.VerifiedToken;
import java.util.UUID;

/** Told of every read allowed on a user token (MediaMTX's session id included); must be cheap. */
@FunctionalInterface
public interface ReadTracker {
    void opened(VerifiedToken token, MediaProtocol protocol, UUID sessionId);
}
