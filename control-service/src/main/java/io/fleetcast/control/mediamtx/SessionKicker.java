package io.fleetcast.control.mediamtx;

import io.fleetcast.control.auth.MediaProtocol;
import java.util.UUID;

/** Ends a MediaMTX session or connection by the id its auth request carried. */
@FunctionalInterface
public interface SessionKicker {
    /** Without a MediaMTX API: nothing is kicked (a revoked reader is refused on its next connection). */
    SessionKicker NONE = (protocol, id) -> { };

    /** Asynchronous: returns at once; a session that already ended is not an error. */
    void kick(MediaProtocol protocol, UUID id);
}
