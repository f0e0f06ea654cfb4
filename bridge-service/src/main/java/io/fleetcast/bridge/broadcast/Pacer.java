package io.fleetcast.bridge.broadcast;

/**
 * When a paced output sends each packet: at the pace of the packets' timestamps, a set delay
 * behind the earliest they have been arriving, so that the encoders' hiccups (a late group, a
 * burst after a busy moment) reach the destination as a steady stream. The earliest arrival
 * (arrival minus timestamp) is followed at once when packets come earlier and only slowly when
 * they come later, and the send offset moves toward it by at most {@value #ADJUST} of the
 * stream's time: a hold or a clock drift is absorbed by spacing pictures at most that much
 * wider or closer, never by a stop. A packet is never due before it arrived; a jump of more
 * than {@value #RESET_NANOS} ns (a new timeline) starts over.
 *
 * <p>Times in nanoseconds, given by the caller; one owner (the output's thread).
 */
final class Pacer {
    static final double ADJUST = 0.02;
    static final long RESET_NANOS = 5_000_000_000L;

    private final long delay;
    private boolean started;
    private long floor;
    private long offset;
    private long latestStream;

    /** @param delayNanos how far behind the earliest arrivals packets are sent */
    Pacer(long delayNanos) {
        if (delayNanos <= 0) {
            throw new IllegalArgumentException("a pacer needs a positive delay, got " + delayNanos + " ns");
        }
        this.delay = delayNanos;
    }

    /** The time to send a packet stamped {@code streamNanos} that arrived at {@code arrivalNanos}. */
    long due(long streamNanos, long arrivalNanos) {
        long lead = arrivalNanos - streamNanos;
        if (!started || Math.abs(lead - floor) > RESET_NANOS) {
            started = true;
            floor = lead;
            offset = lead + delay;
            latestStream = streamNanos;
        }
        long allowance = (long) (Math.max(0, streamNanos - latestStream) * ADJUST);
        latestStream = Math.max(latestStream, streamNanos);
        floor = Math.min(lead, floor + allowance);
        offset += Math.clamp(floor + delay - offset, -allowance, allowance);
        return Math.max(streamNanos + offset, arrivalNanos);
    }

    /** A new run of streams: the next packet starts over. */
    void reset() {
        started = false;
    }
}
