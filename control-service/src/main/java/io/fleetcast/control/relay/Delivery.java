package io.fleetcast.control.relay;

/**
 * Receives what arrives on subscribed channels, in order, on one of the relay's subscriber threads
 * (the same one for every channel of a robot): block it no longer than a socket write.
 */
public interface Delivery {

    void deliver(String channel, String payload);
}
