package io.fleetcast.control.relay;

/**
 * Receives what arrives on subscribed channels, in order, on the relay's one subscriber thread:
 * block it no longer than a socket write.
 */
public interface Delivery {

    void deliver(String channel, String payload);
}
