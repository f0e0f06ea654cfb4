package io.fleetcast.quality.simulation;

import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.trace.TraceKind;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What one controller achieved on one trace.
 *
 * @param sentBps      bits the encoder produced per second of trace
 * @param deliveredBps bits of completely delivered frames per second of trace
 * @param oracleBps    see {@link Oracle}
 * @param lateShare    share of delivered bytes that waited more than 1 s in the send queue
 * @param maxDelayMs   longest wait of the oldest queued byte
 * @param switches     state changes after the first decision
 * @param droppedShare share of encoded bytes the sender dropped as stale
 * @param lostShare    share of encoded bytes lost at the drop-tail limit
 * @param stateShare   share of time spent in each state
 */
public record Report(String trace, TraceKind kind, String controller, long durationMs,
                     double sentBps, double deliveredBps, double oracleBps, double lateShare, long maxDelayMs,
                     int switches, double droppedShare, double lostShare, Map<QualityState, Double> stateShare) {

    public Report {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(controller, "controller");
        EnumMap<QualityState, Double> shares = new EnumMap<>(QualityState.class);
        shares.putAll(stateShare);
        stateShare = Map.copyOf(shares);
    }

    /** Delivered bitrate as a share of the oracle's. */
    public double ratio() {
        return oracleBps > 0 ? deliveredBps / oracleBps : 1;
    }

    public double switchesPerMinute() {
        return switches * 60_000.0 / durationMs;
    }

    public String toJson() {
        StringJoiner seconds = new StringJoiner(",", "{", "}");
        for (QualityState s : QualityState.values()) {
            seconds.add(String.format(Locale.ROOT, "\"%s\":%.1f", s,
                    stateShare.getOrDefault(s, 0.0) * durationMs / 1000));
        }
        return String.format(Locale.ROOT,
                "{\"trace\":\"%s\",\"kind\":\"%s\",\"controller\":\"%s\",\"durationS\":%.1f,"
                        + "\"sentMbps\":%.3f,\"deliveredMbps\":%.3f,\"oracleMbps\":%.3f,\"ratio\":%.3f,"
                        + "\"lateShare\":%.4f,\"maxQueueDelayMs\":%d,\"switches\":%d,\"switchesPerMin\":%.2f,"
                        + "\"droppedShare\":%.4f,\"lostShare\":%.4f,\"secondsPerState\":%s}",
                escape(trace), kind.id(), escape(controller), durationMs / 1000.0,
                sentBps / 1e6, deliveredBps / 1e6, oracleBps / 1e6, ratio(), lateShare, maxDelayMs,
                switches, switchesPerMinute(), droppedShare, lostShare, seconds);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
