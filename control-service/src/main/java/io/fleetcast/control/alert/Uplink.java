package io.fleetcast.control.alert;

import io.fleetcast.control.protocol.Metrics;

/** The part of a robot's {@code metrics} message the alerts look at. */
public record Uplink(long throughputKbps, long rttMs, double lossPct, String state) {

    /** Missing fields read as the worst case would hide a real alert, so they read as healthy. */
    public static Uplink of(Metrics metrics) {
        return new Uplink(metrics.network().path("throughputKbps").asLong(0),
                metrics.network().path("rttMs").asLong(0),
                metrics.network().path("lossPct").asDouble(0),
                metrics.quality() == null ? "" : metrics.quality().path("state").asText(""));
    }
}
