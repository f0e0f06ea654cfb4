package io.fleetcast.bridge.api;

/** One output in the health document; {@code bitRate} in bit/s over the last second. */
public record OutputFigures(String name, String state, long bitRate, long reconnects, long dropped, String lastError) {
}
