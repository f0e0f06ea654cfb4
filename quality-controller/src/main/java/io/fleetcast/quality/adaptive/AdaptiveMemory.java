package io.fleetcast.quality.adaptive;

import io.fleetcast.quality.Decision;

/**
 * What {@link AdaptiveAlgorithm} remembers between samples. Times are sample times in ms.
 *
 * @param decision      the decision in force
 * @param lastTimeMs    time of the last sample used
 * @param capacityBps   estimated link capacity
 * @param peakBps       recent peak of the capacity estimate, fading
 * @param stateSinceMs  when the state last changed
 * @param sustainedBps  slow average of the bitrate the network supports, for the state loop
 * @param promoteCreditMs how long promotion conditions have held, leaking while they do not
 * @param demoteCreditMs  the same for demotion conditions
 * @param deliveringAtMs last time the link carried a useful share of the estimated capacity
 * @param switchBudget  state changes that may still be spent (see the tuning)
 */
public record AdaptiveMemory(Decision decision, long lastTimeMs, double capacityBps, double peakBps,
                             long stateSinceMs, double sustainedBps, double promoteCreditMs,
                             double demoteCreditMs, long deliveringAtMs,
                             double switchBudget) {
}
