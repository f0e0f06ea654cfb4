package io.fleetcast.quality.baseline;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.Reason;
import io.fleetcast.quality.Sample;
import io.fleetcast.quality.Step;

import java.util.Locale;

import static io.fleetcast.quality.baseline.VvliveMemory.NEVER;

/**
 * Baseline: the fixed-threshold state machine of the VVLIVE design (seed 004), with the
 * literal thresholds and timers of its {@code state_machine.py}. It evaluates once per
 * second on that second's mean acknowledged throughput, loss and RTT, as VVLIVE's one-second
 * evaluation loop does. Two deliberate departures, both in its favour: downgrade and upgrade
 * conditions are timed separately (the original shares one timer, which the downgrade check
 * clears before every upgrade check, so it never upgrades), and ERROR is left for VERY_LOW
 * after VVLIVE's 10 s error cooldown (the original never leaves it).
 */
public final class VvliveAlgorithm implements Algorithm<VvliveMemory> {

    static final long EVALUATION_INTERVAL_MS = 1_000;
    static final long MIN_STATE_DWELL_MS = 45_000;
    static final long UPGRADE_OBSERVATION_MS = 60_000;
    static final long RECOVERY_DWELL_MS = 60_000;
    static final long ERROR_COOLDOWN_MS = 10_000;

    @Override
    public String name() {
        return "vvlive";
    }

    @Override
    public Step<VvliveMemory> start(long timeMs, Limits limits) {
        Decision decision = decision(timeMs, VvliveState.MEDIUM, Reason.START, "initial state MEDIUM", limits);
        return new Step<>(new VvliveMemory(decision, VvliveState.MEDIUM, null, timeMs, null, NEVER, NEVER,
                timeMs, timeMs, 0, Double.MAX_VALUE, 0, 0, 0), decision);
    }

    @Override
    public Step<VvliveMemory> step(VvliveMemory m, Sample sample, Limits limits) {
        long t = sample.timeMs();
        if (t <= m.lastTimeMs()) {
            return new Step<>(m, m.decision());
        }
        double bits = m.windowBits() + sample.ackedBps() * (t - m.lastTimeMs()) / 1000.0;
        double minRtt = Math.min(m.windowMinRtt(), sample.rttMs());
        double maxRtt = Math.max(m.windowMaxRtt(), sample.rttMs());
        double loss = m.windowLoss() + sample.lossRate();
        int samples = m.windowSamples() + 1;
        if (t - m.windowStartMs() < EVALUATION_INTERVAL_MS) {
            return new Step<>(m.withWindow(t, m.windowStartMs(), bits, minRtt, maxRtt, loss, samples), m.decision());
        }
        double bandwidthBps = bits * 1000.0 / (t - m.windowStartMs());
        double lossPercent = loss / samples * 100;
        VvliveMemory evaluated = evaluate(m.withWindow(t, t, 0, Double.MAX_VALUE, 0, 0, 0),
                t, bandwidthBps, lossPercent, minRtt, limits);
        return new Step<>(evaluated, evaluated.decision());
    }

    private VvliveMemory evaluate(VvliveMemory m, long t, double bw, double lossPercent, double minRtt,
                                  Limits limits) {
        VvliveState state = m.state();
        long inState = t - m.enteredAtMs();
        if (state == VvliveState.ERROR) {
            return inState >= ERROR_COOLDOWN_MS
                    ? enter(m, t, VvliveState.VERY_LOW, "error cooldown over", limits) : m;
        }
        if (inState < MIN_STATE_DWELL_MS) {
            return m;
        }
        // Downgrade: one condition timed at a time, restarted when the condition changes.
        String condition = null;
        VvliveState lower = null;
        long needMs = 0;
        switch (state) {
            case HIGH -> {
                if (lossPercent > 2.0) {
                    condition = "packet loss > 2%"; lower = VvliveState.MEDIUM; needMs = 5_000;
                } else if (bw < 5_000_000) {
                    condition = "bandwidth < 5 Mbit/s"; lower = VvliveState.MEDIUM; needMs = 10_000;
                }
            }
            case MEDIUM -> {
                if (lossPercent > 3.0) {
                    condition = "packet loss > 3%"; lower = VvliveState.LOW; needMs = 5_000;
                } else if (bw < 3_000_000) {
                    condition = "bandwidth < 3 Mbit/s"; lower = VvliveState.LOW; needMs = 10_000;
                }
            }
            case LOW -> {
                if (lossPercent > 5.0) {
                    condition = "packet loss > 5%"; lower = VvliveState.VERY_LOW; needMs = 5_000;
                } else if (bw < 1_500_000) {
                    condition = "bandwidth < 1.5 Mbit/s"; lower = VvliveState.VERY_LOW; needMs = 10_000;
                }
            }
            case VERY_LOW -> {
                if (bw < 500_000) {
                    condition = "bandwidth < 0.5 Mbit/s"; lower = VvliveState.ERROR; needMs = 20_000;
                }
            }
            default -> { }
        }
        long downSince = NEVER;
        if (condition != null) {
            downSince = condition.equals(m.downCondition()) ? m.downSinceMs() : t;
            if (t - downSince >= needMs) {
                return enter(m, t, lower, condition + " for " + needMs / 1000 + " s", limits);
            }
        }
        // Upgrade: through RECOVERY after 60 s of a stable network.
        boolean stable = switch (state) {
            case VERY_LOW -> bw > 2_500_000 && lossPercent < 1.0 && minRtt < 100;
            case LOW -> bw > 4_500_000 && lossPercent < 0.5 && minRtt < 80;
            case MEDIUM -> bw > 7_000_000 && lossPercent < 0.5 && minRtt < 100;
            default -> false;
        };
        if (state == VvliveState.RECOVERY && inState >= RECOVERY_DWELL_MS) {
            VvliveState target = switch (m.previous()) {
                case VERY_LOW -> VvliveState.LOW;
                case LOW -> VvliveState.MEDIUM;
                default -> VvliveState.HIGH;
            };
            return enter(m, t, target, "recovery complete", limits);
        }
        long upSince = stable ? (m.upSinceMs() == NEVER ? t : m.upSinceMs()) : NEVER;
        if (stable && t - upSince >= UPGRADE_OBSERVATION_MS) {
            return enter(m, t, VvliveState.RECOVERY, "network stable for 60 s", limits);
        }
        return new VvliveMemory(m.decision(), state, m.previous(), m.enteredAtMs(), condition, downSince, upSince,
                m.lastTimeMs(), m.windowStartMs(), m.windowBits(), m.windowMinRtt(), m.windowMaxRtt(),
                m.windowLoss(), m.windowSamples());
    }

    private VvliveMemory enter(VvliveMemory m, long t, VvliveState next, String why, Limits limits) {
        VvliveState previous = next == VvliveState.RECOVERY ? m.state() : null;
        Reason reason = next.ladder.compareTo(m.state().ladder) > 0 ? Reason.PROMOTE
                : next.ladder.compareTo(m.state().ladder) < 0 ? Reason.DEMOTE : Reason.STEADY;
        Decision decision = decision(t, next, reason, m.state() + " -> " + next + ": " + why, limits);
        return new VvliveMemory(decision, next, previous, t, null, NEVER, NEVER,
                m.lastTimeMs(), m.windowStartMs(), m.windowBits(), m.windowMinRtt(), m.windowMaxRtt(),
                m.windowLoss(), m.windowSamples());
    }

    private static Decision decision(long t, VvliveState state, Reason reason, String detail, Limits limits) {
        var ladder = limits.apply(state.ladder);
        long bitrate = Math.min(state.bitrateBps, ladder.nominalBps());
        return new Decision(t, ladder, bitrate, reason, String.format(Locale.ROOT, "VVLIVE %s: %s", state, detail));
    }
}
