package io.fleetcast.observer.push;

/**
 * How the push proves itself to the gateway, asked before every connection: with the stream
 * key in the URL ({@link #STREAM_KEY}), or with a short-lived token fetched just then (the
 * JWT mode, {@code GATEWAY_AUTH=jwt}).
 */
@FunctionalInterface
public interface PushAuth {
    PushAuth STREAM_KEY = target -> target;

    /** The target to connect to now; throws when no credential can be had (the push retries). */
    PushTarget connectTo(PushTarget target);
}
