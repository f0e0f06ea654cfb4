package io.fleetcast.observer.uplink;

import io.fleetcast.quality.Sample;

/** One measurement of the uplink as the controller was given it. */
public record UplinkSample(Sample sample) {
}
