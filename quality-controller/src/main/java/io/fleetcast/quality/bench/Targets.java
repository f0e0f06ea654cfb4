package io.fleetcast.quality.bench;

import io.fleetcast.quality.simulation.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quality controller's targets, per trace: mean delivered bitrate at least
 * {@code minRatio} of the oracle, at most {@code maxLateShare} of the delivered bytes late,
 * at most {@code maxSwitchesPerMinute} state changes per minute; and better than each
 * baseline on bitrate at no more late share.
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

    /** Whether {@code candidate} beats {@code baseline} on the same trace: more bitrate, no more late share. */
    public boolean beats(Report candidate, Report baseline) {
        return candidate.deliveredBps() > baseline.deliveredBps() && candidate.lateShare() <= baseline.lateShare();
    }

    public String describe() {
        return String.format(Locale.ROOT,
                "delivered bitrate >= %.0f%% of the oracle, late share (delivered bytes that waited > 1 s) <= %.0f%%, "
                        + "<= %.0f switches/min; more bitrate than each baseline at no more late share",
                minRatio * 100, maxLateShare * 100, maxSwitchesPerMinute);
    }
}
