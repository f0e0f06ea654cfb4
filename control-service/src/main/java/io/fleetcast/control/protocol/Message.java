package io.fleetcast.control.protocol;

/** One message of control protocol v1; {@code type} is the JSON discriminator. */
public sealed interface Message
        permits Hello, Welcome, Command, Ack, State, Metrics, Quality, QueueRequest, QueueEvent,
        Presence, Alert, ErrorMessage {

    /** The protocol version this code speaks. */
    int VERSION = 1;

    String type();
}
