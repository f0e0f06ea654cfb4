package io.fleetcast.observer.control;

import io.fleetcast.quality.QualityState;

/**
 * The uplink as the robot measures it and the encoder's current quality.
 *
 * @param lossPct packets lost, 0..100
 */
public record StreamMetrics(long throughputKbps, long rttMs, double lossPct, long queueBytes,
                            QualityState state, long bitrateKbps) {
    public StreamMetrics {
        if (throughputKbps < 0 || rttMs < 0 || queueBytes < 0 || bitrateKbps < 0) {
            throw new IllegalArgumentException("metrics must not be negative: throughput " + throughputKbps
                    + " kbps, rtt " + rttMs + " ms, queue " + queueBytes + " B, bitrate " + bitrateKbps + " kbps");
        }
        if (!(lossPct >= 0 && lossPct <= 100)) {
            throw new IllegalArgumentException("lossPct must be within 0..100, got " + lossPct);
        }
        if (state == null) {
            throw new IllegalArgumentException("quality state is required");
        }
    }
}
