package io.fleetcast.control.mediamtx;

import io.fleetcast.control.auth.MediaProtocol;
import io.fleetcast.control.token.VerifiedToken;
import java.util.Objects;
import java.util.UUID;

/** A MediaMTX read this instance allowed: on which token, over what, and MediaMTX's id for it. */
record ReaderSession(VerifiedToken token, MediaProtocol protocol, UUID id) {
    ReaderSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(id, "id");
    }
}
