package io.fleetcast.quality.adaptive;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityController;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.Reason;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.Step;

import java.util.Locale;
import java.util.Objects;


/**
 * Fleetcast's controller. Two loops on two time scales:
 * <ul>
 *   <li>the bitrate loop (every sample) keeps a small standing queue: while the link is
 *       the bottleneck the acked rate is its capacity, and the target is that capacity
 *       corrected by how far the queue is from {@code targetDelayMs}. Decreases apply at
 *       once (a stall drops the bitrate to the floor); increases are rate-limited, quick back
 *       up to the recent peak and slow beyond; loss holds or cuts the rate;</li>
 *   <li>the state loop changes resolution only when the bitrate has pressed against the
 *       state's ceiling or sat below its floor for a while (hysteresis), after a minimum time
 *       in the state, holds through short stalls, and spends from a budget of switches so
 *       flapping is bounded.</li>
 * </ul>
 */
public final class AdaptiveAlgorithm implements Algorithm<AdaptiveMemory> {

    /** Gaps longer than this between samples are treated as this long. */
    private static final long MAX_GAP_MS = 2000;

    private final AdaptiveTuning tuning;

    public AdaptiveAlgorithm(AdaptiveTuning tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    public static AdaptiveAlgorithm withDefaults() {
        return new AdaptiveAlgorithm(AdaptiveTuning.defaults());
    }

    /** A live controller running this algorithm with its default tuning and no owner limits. */
    public static QualityController newController(long startTimeMs) {
        return new QualityController(withDefaults(), startTimeMs, Limits.NONE);
    }

    public AdaptiveTuning tuning() {
        return tuning;
    }

    @Override
    public String name() {
        return "fleetcast";
    }

    @Override
    public Step<AdaptiveMemory> start(long timeMs, Limits limits) {
        QualityState state = limits.apply(tuning.startState());
        long bitrate = Math.min(tuning.startBitrateBps(), state.nominalBps());
        Decision decision = new Decision(timeMs, state, bitrate, Reason.START, "no measurement yet");
        return new Step<>(new AdaptiveMemory(decision, timeMs, bitrate, bitrate, timeMs, bitrate, 0, 0, timeMs,
                tuning.switchBurst()),
                decision);
    }

    @Override
    public Step<AdaptiveMemory> step(AdaptiveMemory m, Sample sample, Limits limits) {
        long t = sample.timeMs();
        if (t <= m.lastTimeMs()) {
            // A repeated or reordered sample carries nothing new; acting on it twice would
            // double-count its throughput.
            return new Step<>(m, m.decision());
        }
        double dt = Math.min(t - m.lastTimeMs(), MAX_GAP_MS) / 1000.0;
        Decision previous = m.decision();
        double acked = sample.ackedBps();
        double queueBits = sample.queueBytes() * 8.0;

        // --- capacity ---------------------------------------------------------------
        double capacity = m.capacityBps();
        boolean backlogged = queueBits >= capacity * tuning.backlogMs() / 1000.0;
        boolean delivering = acked >= tuning.outageFraction() * capacity;
        long deliveringAt = delivering ? t : m.deliveringAtMs();
        boolean outage = backlogged && !delivering;
        boolean holding = outage && t - deliveringAt < tuning.outageHoldMs();
        if (outage && !holding) {
            // Stalled for longer than the hold: the old estimate says nothing any more.
            capacity = acked;
        }
        if (queueBits < capacity * tuning.backlogMs() / 2000.0) {
            // The queue stayed short: the link kept up with what the encoder produced.
            capacity = Math.max(capacity, previous.bitrateBps());
        }
        if (acked > capacity) {
            // The link carried at least this much.
            capacity += (acked - capacity) * alpha(dt, tuning.capacityUpTauMs());
        } else if (backlogged && !holding) {
            // It had plenty queued and carried less: that is its capacity now.
            capacity += (acked - capacity) * alpha(dt, tuning.capacityDownTauMs());
        }
        capacity = Math.max(capacity, tuning.minBitrateBps());

        // --- bitrate loop -----------------------------------------------------------
        double delayMs = queueBits / capacity * 1000;
        double want = capacity * (1 + (tuning.targetDelayMs() - delayMs) / tuning.drainMs());
        // Loss as in Google Congestion Control: hold above 2 %, cut by half the loss above 10 %.
        boolean lossy = sample.lossRate() > tuning.lossHoldThreshold();
        if (sample.lossRate() > tuning.lossCutThreshold()) {
            want = Math.min(want, previous.bitrateBps() * (1 - sample.lossRate() / 2));
        } else if (lossy) {
            want = Math.min(want, previous.bitrateBps());
        }
        QualityState top = limits.top();
        want = clamp(want, tuning.minBitrateBps(), top.nominalBps());
        double peak = Math.max(capacity, m.peakBps() * Math.exp(-dt * 1000 / tuning.peakTauMs()));
        double base = Math.max(previous.bitrateBps(), capacity);
        double increase = base < peak ? tuning.recoveryIncreasePerSecond() : tuning.increasePerSecond();
        double rate = Math.min(want, base * (1 + increase * dt));
        if (base < peak) {
            // Regain lost ground fast, but not past the old peak: beyond it is new ground.
            rate = Math.min(rate, Math.max(peak, base * (1 + tuning.increasePerSecond() * dt)));
        }

        if (outage) {
            // A stall: whatever is encoded now waits past the budget and is dropped. Encode as
            // little as possible, so the keyframe that resumes the stream is small too.
            rate = tuning.minBitrateBps();
        }

        // --- state loop -------------------------------------------------------------
        double sustained = holding ? m.sustainedBps()
                : m.sustainedBps() + (rate - m.sustainedBps()) * alpha(dt, tuning.sustainedTauMs());
        QualityState state = previous.state();
        double budget = Math.min(tuning.switchBurst(), m.switchBudget() + dt * tuning.switchesPerMinute() / 60);
        double promoteCredit = m.promoteCreditMs();
        double demoteCredit = m.demoteCreditMs();
        QualityState allowed = limits.apply(state);
        Reason limitReason = null;
        if (limits.pin() != null) {
            limitReason = Reason.PINNED;
        } else if (allowed != state || state == top && limits.cap() != null && want >= top.nominalBps()) {
            limitReason = Reason.CAPPED;
        }
        if (allowed != state) {
            state = allowed;
        } else if (limits.pin() == null && !holding) {
            // An outage says nothing about the capacity after it: the holds stand still.
            double ms = dt * 1000;
            boolean settled = t - m.stateSinceMs() >= tuning.minStateMs();
            demoteCredit = credit(demoteCredit, rate < tuning.floor(state), ms);
            if (settled && demoteCredit >= tuning.demoteHoldMs() && sustained < tuning.floor(state)) {
                state = highestWithFloorBelow(state, sustained);
            }
            boolean ceilingBinds = state.compareTo(top) < 0 && want >= state.nominalBps()
                    && delayMs <= tuning.targetDelayMs();
            promoteCredit = credit(promoteCredit, ceilingBinds, ms);
            if (settled && state == previous.state() && promoteCredit >= tuning.promoteHoldMs() && budget >= 2) {
                state = state.higher();
            }
        }
        long stateSince = m.stateSinceMs();
        if (state != previous.state()) {
            stateSince = t;
            budget -= 1;
            promoteCredit = 0;
            demoteCredit = 0;
        }

        long bitrate = Math.round(clamp(rate, tuning.minBitrateBps(), state.nominalBps()));
        Reason reason = reason(previous, state, bitrate, limitReason, holding || outage, lossy);
        String detail = String.format(Locale.ROOT, "capacity %.2f Mbit/s, queue %.0f ms, want %.2f Mbit/s",
                capacity / 1e6, delayMs, want / 1e6);
        Decision decision = new Decision(t, state, bitrate, reason, detail);
        return new Step<>(new AdaptiveMemory(decision, t, capacity, peak, stateSince, sustained, promoteCredit,
                demoteCredit, deliveringAt, budget), decision);
    }

    private QualityState highestWithFloorBelow(QualityState current, double rate) {
        QualityState s = current.lower();
        while (s != QualityState.VERY_LOW && rate < tuning.floor(s)) {
            s = s.lower();
        }
        return s;
    }

    private static Reason reason(Decision previous, QualityState state, long bitrate, Reason limitReason,
                                 boolean outage, boolean lossy) {
        int move = state.compareTo(previous.state());
        if (limitReason != null && (move != 0 || limitReason == Reason.PINNED)) {
            return limitReason;
        }
        if (move > 0) {
            return Reason.PROMOTE;
        }
        if (move < 0) {
            return Reason.DEMOTE;
        }
        if (outage) {
            return Reason.OUTAGE;
        }
        if (lossy) {
            return Reason.LOSS;
        }
        if (limitReason != null) {
            return limitReason;
        }
        double change = (bitrate - previous.bitrateBps()) / (double) previous.bitrateBps();
        if (change <= -Decision.RELEVANT_STEP) {
            return Reason.DECREASE;
        }
        return change >= Decision.RELEVANT_STEP ? Reason.INCREASE : Reason.STEADY;
    }

    /** A hold's credit: fills with time while {@code holds}, leaks faster while not. */
    private double credit(double credit, boolean holds, double ms) {
        return holds ? credit + ms : Math.max(0, credit - ms * tuning.creditLeak());
    }

    private static double alpha(double dtSeconds, long tauMs) {
        return 1 - Math.exp(-dtSeconds * 1000 / tauMs);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
