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
 * @param meanBps      bits of completely delivered frames per second of trace
 * @param oracleBps    see {@link Oracle}
 * @param lateShare    share of time the oldest queued byte had waited more than 1 s
 * @param switches     state changes after the first decision
 * @param droppedShare share of encoded bytes dropped by the sender
 * @param p95DelayMs   95th percentile over time of the oldest queued byte's wait
 * @param stateShare   share of time spent in each state
 */
public record Report(String trace, TraceKind kind, String controller, long durationMs,
                     double oracleBps, double meanBps, double lateShare, int switches,
                     double droppedShare, long p95DelayMs, Map<QualityState, Double> stateShare) {

    public Report {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(controller, "controller");
        EnumMap<QualityState, Double> shares = new EnumMap<>(QualityState.class);
        shares.putAll(stateShare);
        stateShare = Map.copyOf(shares);
    }

    /** Mean bitrate as a share of the oracle's. */
    public double ratio() {
        return oracleBps > 0 ? meanBps / oracleBps : 1;
    }

    public double switchesPerMinute() {
        return switches * 60_000.0 / durationMs;
    }

    public String toJson() {
        StringJoiner shares = new StringJoiner(",", "{", "}");
        for (QualityState s : QualityState.values()) {
            shares.add(String.format(Locale.ROOT, "\"%s\":%.3f", s, stateShare.getOrDefault(s, 0.0)));
        }
        return String.format(Locale.ROOT,
                "{\"trace\":\"%s\",\"kind\":\"%s\",\"controller\":\"%s\",\"durationS\":%.1f,"
                        + "\"oracleKbps\":%.0f,\"meanKbps\":%.0f,\"ratio\":%.3f,\"latePct\":%.2f,"
                        + "\"switches\":%d,\"switchesPerMin\":%.2f,\"droppedPct\":%.2f,\"p95DelayMs\":%d,"
                        + "\"stateShare\":%s}",
                escape(trace), kind.id(), escape(controller), durationMs / 1000.0,
                oracleBps / 1000, meanBps / 1000, ratio(), lateShare * 100,
                switches, switchesPerMinute(), droppedShare * 100, p95DelayMs, shares);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
