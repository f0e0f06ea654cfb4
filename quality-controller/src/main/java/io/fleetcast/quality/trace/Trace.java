package io.fleetcast.quality.trace;

import java.util.Objects;

/**
 * Link capacity as bytes deliverable in each millisecond. Both formats are turned into this
 * one shape so the simulator and the oracle need not know where a trace came from. Reading
 * past the end wraps around, as mahimahi does.
 */
public final class Trace {

    private final String name;
    private final TraceKind kind;
    private final TraceFormat format;
    private final float[] bytesPerMs;

    public Trace(String name, TraceKind kind, TraceFormat format, float[] bytesPerMs) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.format = Objects.requireNonNull(format, "format");
        if (bytesPerMs.length == 0) {
            throw new IllegalArgumentException("trace " + name + " is empty");
        }
        this.bytesPerMs = bytesPerMs.clone();
    }

    public String name() {
        return name;
    }

    public TraceKind kind() {
        return kind;
    }

    public TraceFormat format() {
        return format;
    }

    public long durationMs() {
        return bytesPerMs.length;
    }

    /** Bytes the link can carry during millisecond {@code ms}, wrapping past the end. */
    public double bytesAt(long ms) {
        return bytesPerMs[(int) Math.floorMod(ms, (long) bytesPerMs.length)];
    }

    /** Bits the link can carry in {@code [fromMs, toMs)}. */
    public double capacityBits(long fromMs, long toMs) {
        double bytes = 0;
        for (long ms = fromMs; ms < toMs; ms++) {
            bytes += bytesAt(ms);
        }
        return bytes * 8;
    }

    /** Mean capacity over one pass, bits per second. */
    public double meanBps() {
        return capacityBits(0, durationMs()) * 1000.0 / durationMs();
    }

    @Override
    public String toString() {
        return String.format("%s (%s, %s, %.1f s, %.2f Mbit/s)",
                name, kind.id(), format, durationMs() / 1000.0, meanBps() / 1e6);
    }
}
