package io.fleetcast.control.health;

import java.util.Map;

/** The health answer: overall status, each dependency's, and each optional part's. */
public record Health(String status, String database, String redis, Map<String, Part> parts) {
}
