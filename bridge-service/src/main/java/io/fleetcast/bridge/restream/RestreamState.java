package io.fleetcast.bridge.restream;

/** Where a destination is: what the metrics show. */
public enum RestreamState {
    /** Waiting for a keyframe to (re)connect at, or opening the connection. */
    CONNECTING,
    /** Publishing: packets go out. */
    LIVE,
    /** The last attempt or connection failed; packets are discarded until the next try. */
    BACKOFF,
    /** Gave up on a permanent error (publish refused, TLS refused); nothing more is sent. */
    FAILED
}
