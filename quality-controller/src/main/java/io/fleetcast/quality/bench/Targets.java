package io.fleetcast.quality.bench;

import io.fleetcast.quality.simulation.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quality controller's targets, per trace: mean bitrate at least {@code minRatio} of
 * the oracle, late at most {@code maxLateShare} of the time, at most
 * {@code maxSwitchesPerMinute} state changes per minute.
 */
public record Targets(double minRatio, double maxLateShare, double maxSwitchesPerMinute) {

    public static Targets mission() {
        return new Targets(0.90, 0.01, 4.0);
    }

    /** The targets {@code report} misses, as short labels; empty when it meets them all. */
    public List<String> misses(Report report) {
        List<String> misses = new ArrayList<>();
        if (report.ratio() < minRatio) {
            misses.add(String.format(Locale.ROOT, "ratio<%.2f", minRatio));
        }
        if (report.lateShare() > maxLateShare) {
            misses.add(String.format(Locale.ROOT, "late>%.0f%%", maxLateShare * 100));
        }
        if (report.switchesPerMinute() > maxSwitchesPerMinute) {
            misses.add(String.format(Locale.ROOT, "switches>%.0f/min", maxSwitchesPerMinute));
        }
        return misses;
    }

    public boolean met(Report report) {
        return misses(report).isEmpty();
    }

    /**
     * Whether {@code candidate} beats {@code baseline} on the same trace: it meets every
     * target and the baseline misses one, or both meet them and it delivers more.
     */
    public boolean beats(Report candidate, Report baseline) {
        if (!met(candidate)) {
            return false;
        }
        return !met(baseline) || candidate.meanBps() > baseline.meanBps();
    }

    public String describe() {
        return String.format(Locale.ROOT,
                "mean bitrate >= %.0f%% of the oracle, late (queue delay > 1 s) <= %.0f%% of the time, "
                        + "<= %.0f switches/min, and beat both baselines",
                minRatio * 100, maxLateShare * 100, maxSwitchesPerMinute);
    }
}
