package io.fleetcast.control.health;

/** The health answer: overall status and each dependency's. */
public record Health(String status, String database, String redis) {
}
