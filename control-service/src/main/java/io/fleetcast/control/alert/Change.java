package io.fleetcast.control.alert;

/** An alert raised or cleared: {@code since} is when its condition began, {@code at} now. */
public record Change(AlertKind kind, boolean raised, long since, long at) {
}
