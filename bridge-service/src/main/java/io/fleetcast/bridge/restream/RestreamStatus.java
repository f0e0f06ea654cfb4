package io.fleetcast.bridge.restream;

/**
 * A destination's counters for metrics. {@code destination} and {@code lastError} are
 * redacted (no stream key). {@code reconnects} counts connections opened after a lost or
 * failed one; {@code dropped} the packets discarded while not live.
 */
public record RestreamStatus(String name, String destination, RestreamState state, boolean connected,
                             long reconnects, long packetsSent, long bytesSent, long dropped, String lastError) {
}
