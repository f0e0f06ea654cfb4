package io.fleetcast.control.relay;

/** Receives what arrives on subscribed channels, on the relay's subscriber thread: do not block. */
public interface Delivery {

    void deliver(String channel, String payload);
}
