package io.fleetcast.bridge.restream;

import java.util.Arrays;

/**
 * Maps the bridge's timestamps (microseconds) onto one connection's FLV timeline
 * (milliseconds): a session starts at 0 on the keyframe it opened with, and when a new run
 * continues the same connection, its first keyframe continues just after the last packet
 * sent, so receivers see time only move on. Decode times never go back or repeat on a stream
 * (FLV keeps milliseconds, so two packets could round to the same one).
 */
final class SessionTimeline {
    /** A packet's place on the session timeline, or {@link #DROP} for one from before the session's start. */
    record Stamp(long dts, long pts) {
    }

    static final Stamp DROP = null;

    private final long[] lastDts;
    private long originMicros;
    private long baseMillis;
    private long endMillis;

    SessionTimeline(int streams) {
        lastDts = new long[streams];
        Arrays.fill(lastDts, -1);
    }

    /** A run starts (or the session opens) at the keyframe whose decode time is {@code keyframeDtsMicros}. */
    void startRun(long keyframeDtsMicros) {
        originMicros = keyframeDtsMicros;
        baseMillis = endMillis;
    }

    /** Milliseconds of the session for a packet of {@code stream}; null (drop) before the run's keyframe. */
    Stamp map(int stream, long dtsMicros, long ptsMicros, long durationMicros) {
        if (dtsMicros < originMicros) {
            return DROP;
        }
        long dts = baseMillis + Math.round((dtsMicros - originMicros) / 1000.0);
        long pts = baseMillis + Math.round((ptsMicros - originMicros) / 1000.0);
        if (dts <= lastDts[stream]) {
            dts = lastDts[stream] + 1;
        }
        pts = Math.max(pts, dts);
        lastDts[stream] = dts;
        endMillis = Math.max(endMillis, pts + Math.max(1, Math.round(durationMicros / 1000.0)));
        return new Stamp(dts, pts);
    }

    /** {@code ticks} of the time base {@code num/den} in microseconds, without overflow in any realistic run. */
    static long micros(long ticks, long num, long den) {
        long scaled = num * 1_000_000L;
        return Math.floorDiv(ticks, den) * scaled + Math.floorDiv(Math.floorMod(ticks, den) * scaled, den);
    }
}
