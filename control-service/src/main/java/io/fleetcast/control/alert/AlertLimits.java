package io.fleetcast.control.alert;

import java.time.Duration;

/**
 * When a condition becomes an alert: loss above {@code lossPct} or VERY_LOW for
 * {@code qualityHold}, RTT above {@code rttMs} for {@code rttHold}, and video not live (no
 * metrics, or no throughput) for {@code videoHold} while the robot's socket is connected.
 * Metrics older than {@code videoHold} count as none.
 */
public record AlertLimits(double lossPct, Duration qualityHold, long rttMs, Duration rttHold, Duration videoHold) {

    public AlertLimits {
        if (!(lossPct >= 0 && lossPct <= 100)) {
            throw new IllegalArgumentException("ALERT_LOSS_PCT must be within 0..100, got " + lossPct);
        }
        if (rttMs < 1) {
            throw new IllegalArgumentException("ALERT_RTT_MS must be >= 1, got " + rttMs);
        }
        positive("ALERT_QUALITY_SECONDS", qualityHold);
        positive("ALERT_RTT_SECONDS", rttHold);
        positive("ALERT_VIDEO_SECONDS", videoHold);
    }

    public static AlertLimits defaults() {
        return new AlertLimits(5, Duration.ofSeconds(30), 1000, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    Duration hold(AlertKind kind) {
        return switch (kind) {
            case ROBOT_OFFLINE -> Duration.ZERO;
            case VIDEO_NOT_LIVE -> videoHold;
            case QUALITY_LOW -> qualityHold;
            case HIGH_RTT -> rttHold;
        };
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be > 0, got " + value.toSeconds());
        }
    }
}
