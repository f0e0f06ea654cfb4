package io.fleetcast.bridge.ingest;

import java.time.Duration;

/**
 * How patiently any input is read, whatever its URL: the environment sets it once, and each
 * broadcast (the one started at boot, those the API starts) gets it with its own URL.
 */
public record InputPolicy(Duration timeout, int probeSize, int analyzeMicros, Duration reconnectMin,
                          Duration reconnectMax) {
    public InputSettings forUrl(String url) {
        return new InputSettings(url, timeout, probeSize, analyzeMicros, reconnectMin, reconnectMax);
    }
}
