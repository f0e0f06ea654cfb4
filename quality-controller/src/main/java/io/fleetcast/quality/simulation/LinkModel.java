package io.fleetcast.quality.simulation;

/**
 * The simulated sender and link, everything but the capacity (which the trace gives).
 *
 * @param baseRttMs          round-trip time of the empty path; queueing adds to it
 * @param dropAfterMs        the sender's latency budget: queued data older than this is
 *                           dropped instead of sent, SRT style; {@link #NEVER} queues forever
 * @param bufferBytes        drop-tail limit of the queue: a frame that does not fit is lost,
 *                           which the sender sees as loss
 * @param sampleIntervalMs   how often the controller is given a sample
 * @param keyframeIntervalMs GOP length; the encoder also makes a keyframe on every state
 *                           change and after a drop
 * @param keyframeFactor     keyframe size relative to a predicted frame
 * @param frameJitter        frame sizes vary uniformly by this fraction around their mean
 * @param seed               seed of the frame-size jitter, so runs repeat exactly
 */
public record LinkModel(long baseRttMs, long dropAfterMs, long bufferBytes, long sampleIntervalMs,
                        long keyframeIntervalMs, double keyframeFactor, double frameJitter, long seed) {

    /** A delay above this is late (the target: at most 1 % of the time). */
    public static final long LATE_MS = 1000;
    /** {@link #dropAfterMs} meaning "never drop". */
    public static final long NEVER = Long.MAX_VALUE;

    public LinkModel {
        if (baseRttMs < 0) {
            throw new IllegalArgumentException("baseRttMs must be >= 0, got " + baseRttMs);
        }
        if (dropAfterMs <= 0) {
            throw new IllegalArgumentException("dropAfterMs must be > 0, got " + dropAfterMs);
        }
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("bufferBytes must be > 0, got " + bufferBytes);
        }
        if (sampleIntervalMs <= 0 || keyframeIntervalMs <= 0) {
            throw new IllegalArgumentException("sample and keyframe intervals must be > 0");
        }
        if (!(keyframeFactor >= 1)) {
            throw new IllegalArgumentException("keyframeFactor must be >= 1, got " + keyframeFactor);
        }
        if (!(frameJitter >= 0 && frameJitter < 1)) {
            throw new IllegalArgumentException("frameJitter must be within 0..1, got " + frameJitter);
        }
    }

    /**
     * 40 ms path, 1 s latency budget, a 200-packet (300 kB) drop-tail buffer, samples every
     * 100 ms, 2 s GOP, keyframes 3x, 20 % frame-size noise.
     */
    public static LinkModel defaults() {
        return new LinkModel(40, LATE_MS, 300_000, 100, 2000, 3.0, 0.2, 1);
    }

    public LinkModel withDropAfter(long ms) {
        return new LinkModel(baseRttMs, ms, bufferBytes, sampleIntervalMs, keyframeIntervalMs, keyframeFactor,
                frameJitter, seed);
    }

    public LinkModel withBuffer(long bytes) {
        return new LinkModel(baseRttMs, dropAfterMs, bytes, sampleIntervalMs, keyframeIntervalMs, keyframeFactor,
                frameJitter, seed);
    }

    public LinkModel withSampleInterval(long ms) {
        return new LinkModel(baseRttMs, dropAfterMs, bufferBytes, ms, keyframeIntervalMs, keyframeFactor,
                frameJitter, seed);
    }

    public LinkModel withBaseRtt(long ms) {
        return new LinkModel(ms, dropAfterMs, bufferBytes, sampleIntervalMs, keyframeIntervalMs, keyframeFactor,
                frameJitter, seed);
    }

    public LinkModel withFrames(double keyframeFactor, double frameJitter, long seed) {
        return new LinkModel(baseRttMs, dropAfterMs, bufferBytes, sampleIntervalMs, keyframeIntervalMs, keyframeFactor,
                frameJitter, seed);
    }

    public boolean drops() {
        return dropAfterMs != NEVER;
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "base RTT %d ms, %s, drop-tail buffer %d bytes, samples every %d ms, GOP %d ms, keyframe %.1fx,"
                        + " frame jitter %.0f%%",
                baseRttMs, drops() ? "stale data dropped after " + dropAfterMs + " ms" : "stale data kept",
                bufferBytes, sampleIntervalMs, keyframeIntervalMs, keyframeFactor, frameJitter * 100);
    }
}
