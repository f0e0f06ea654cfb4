package io.fleetcast.quality.adaptive;

import io.fleetcast.quality.QualityState;

import java.util.EnumMap;
import java.util.Map;

/**
 * The constants of {@link AdaptiveAlgorithm} (the module README explains each with its
 * default). Tuned for kinds of network (cellular while driving, 3G on transport, fixed
 * broadband), checked on shifted windows of the traces rather than on the files as given.
 *
 * @param targetDelayMs      standing queue to keep: enough that the link never idles while
 *                           it is the bottleneck, little enough that a sudden capacity drop
 *                           is absorbed before the 1 s latency budget runs out
 * @param drainMs            a queue off target by X ms is corrected over this long
 * @param capacityUpTauMs    time constant of the capacity estimate when it rises
 * @param capacityDownTauMs  and when it falls; the queue term already decreases at once, so
 *                           this stays symmetric: an asymmetric filter sits below the mean of
 *                           a bursty link
 * @param backlogMs          a queue holding this many ms at the estimated capacity means the
 *                           link, not the encoder, was the limit, so a lower acked rate is
 *                           news about the link. Cellular links deliver in bursts: a shorter
 *                           queue is normal even while the link idles
 * @param outageFraction     backlogged and acking below this share of the capacity: an outage
 * @param outageHoldMs       during an outage (a stall) the capacity estimate and the state hold
 *                           this long while the bitrate drops to the minimum at once
 * @param increasePerSecond  how fast the target may probe above the recent peak capacity
 * @param recoveryIncreasePerSecond how fast it may climb back up to that peak: fading links
 *                           usually come back to where they were
 * @param peakTauMs          how fast the remembered peak fades
 * @param lossHoldThreshold  loss above this stops increases...
 * @param lossCutThreshold   ...and above this cuts the target by half the loss ratio
 * @param minBitrateBps      the target never goes below this
 * @param promoteHoldMs      promote after the state's ceiling has limited the bitrate, with
 *                           the queue at or below target, for this long
 * @param demoteHoldMs       demote after the bitrate has been below the state's floor this long
 * @param minStateMs         no promotion or demotion this soon after the last state change
 * @param creditLeak         a hold's credit drains this many times faster than it fills while
 *                           its condition is false, so one noisy sample does not reset it
 * @param sustainedTauMs     time constant of the sustained bitrate that picks the state to
 *                           demote to
 * @param switchesPerMinute  each state change spends one unit of a budget that refills at
 *                           this rate...
 * @param switchBurst        ...up to this much. A promotion needs one unit to spend and one
 *                           left for the demotion that may follow; demotions never wait
 * @param floorBps           lowest bitrate each state is worth keeping at
 * @param startState         state before any measurement
 * @param startBitrateBps    bitrate before any measurement
 */
public record AdaptiveTuning(
        long targetDelayMs,
        long drainMs,
        long capacityUpTauMs,
        long capacityDownTauMs,
        long backlogMs,
        double outageFraction,
        long outageHoldMs,
        double increasePerSecond,
        double recoveryIncreasePerSecond,
        long peakTauMs,
        double lossHoldThreshold,
        double lossCutThreshold,
        long minBitrateBps,
        long promoteHoldMs,
        long demoteHoldMs,
        long minStateMs,
        double creditLeak,
        long sustainedTauMs,
        double switchesPerMinute,
        double switchBurst,
        Map<QualityState, Long> floorBps,
        QualityState startState,
        long startBitrateBps) {

    public AdaptiveTuning {
        if (targetDelayMs <= 0 || drainMs <= 0 || capacityUpTauMs <= 0 || capacityDownTauMs <= 0
                || sustainedTauMs <= 0 || peakTauMs <= 0 || backlogMs <= 0) {
            throw new IllegalArgumentException("delays and time constants must be > 0");
        }
        if (!(outageFraction >= 0 && outageFraction < 1)
                || !(lossHoldThreshold >= 0 && lossHoldThreshold <= lossCutThreshold && lossCutThreshold < 1)) {
            throw new IllegalArgumentException(
                    "outageFraction must be within 0..1 and 0 <= lossHoldThreshold <= lossCutThreshold < 1");
        }
        if (!(increasePerSecond > 0) || !(recoveryIncreasePerSecond > 0) || !(creditLeak >= 0)) {
            throw new IllegalArgumentException("increase rates must be > 0 and creditLeak >= 0");
        }
        if (minBitrateBps <= 0 || minBitrateBps > QualityState.VERY_LOW.nominalBps()) {
            throw new IllegalArgumentException(
                    "minBitrateBps must be within 1.." + QualityState.VERY_LOW.nominalBps() + ", got " + minBitrateBps);
        }
        if (startBitrateBps < minBitrateBps || startBitrateBps > startState.nominalBps()) {
            throw new IllegalArgumentException("startBitrateBps must be within the start state's range, got "
                    + startBitrateBps);
        }
        if (!(switchesPerMinute > 0) || !(switchBurst >= 2)) {
            throw new IllegalArgumentException("switchesPerMinute must be > 0 and switchBurst >= 2");
        }
        EnumMap<QualityState, Long> floors = new EnumMap<>(QualityState.class);
        for (QualityState s : QualityState.values()) {
            long floor = floorBps.getOrDefault(s, 0L);
            if (floor < 0 || floor >= s.nominalBps()) {
                throw new IllegalArgumentException("floor of " + s + " must be within 0.." + s.nominalBps());
            }
            floors.put(s, floor);
        }
        floorBps = Map.copyOf(floors);
    }

    public static AdaptiveTuning defaults() {
        return new AdaptiveTuning(
                250,        // targetDelayMs
                1000,       // drainMs
                300,        // capacityUpTauMs
                300,        // capacityDownTauMs
                120,        // backlogMs
                0.1,        // outageFraction
                6000,       // outageHoldMs
                0.5,        // increasePerSecond
                3.0,        // recoveryIncreasePerSecond
                10_000,     // peakTauMs
                0.02,       // lossHoldThreshold
                0.10,       // lossCutThreshold
                150_000,    // minBitrateBps
                3000,       // promoteHoldMs
                8000,       // demoteHoldMs
                3000,       // minStateMs
                2.0,        // creditLeak
                3000,       // sustainedTauMs
                3.0,        // switchesPerMinute
                5.0,        // switchBurst
                Map.of(QualityState.HIGH, 1_800_000L, QualityState.MEDIUM, 800_000L,
                        QualityState.LOW, 400_000L, QualityState.VERY_LOW, 0L),
                QualityState.HIGH,
                2_500_000); // startBitrateBps
    }

    /** These constants with another start. */
    public AdaptiveTuning withStart(QualityState state, long bitrateBps) {
        return new AdaptiveTuning(targetDelayMs, drainMs, capacityUpTauMs, capacityDownTauMs, backlogMs,
                outageFraction, outageHoldMs, increasePerSecond, recoveryIncreasePerSecond, peakTauMs,
                lossHoldThreshold, lossCutThreshold, minBitrateBps, promoteHoldMs, demoteHoldMs, minStateMs,
                creditLeak, sustainedTauMs, switchesPerMinute, switchBurst, floorBps, state, bitrateBps);
    }

    /** These constants with other state floors. */
    public AdaptiveTuning withFloors(Map<QualityState, Long> floors) {
        return new AdaptiveTuning(targetDelayMs, drainMs, capacityUpTauMs, capacityDownTauMs, backlogMs,
                outageFraction, outageHoldMs, increasePerSecond, recoveryIncreasePerSecond, peakTauMs,
                lossHoldThreshold, lossCutThreshold, minBitrateBps, promoteHoldMs, demoteHoldMs, minStateMs,
                creditLeak, sustainedTauMs, switchesPerMinute, switchBurst, floors, startState, startBitrateBps);
    }

    public long floor(QualityState state) {
        return floorBps.get(state);
    }
}
