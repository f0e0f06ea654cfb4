package io.fleetcast.observer.uplink;

import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Sample;

/** One measurement of the uplink, what the controller decided from it, and the kernel's share of the queue. */
public record UplinkSample(Sample sample, Decision decision, long kernelQueuedBytes) {
}
