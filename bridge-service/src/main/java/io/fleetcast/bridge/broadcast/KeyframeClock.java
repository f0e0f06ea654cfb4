package io.fleetcast.bridge.broadcast;

/**
 * Decides keyframes from timestamps alone: a frame is a keyframe when it is the first at or
 * after the next multiple of the GOP since the run's origin. Every rung sees the same
 * timestamps, so every rung puts its keyframes on the same frames, and HLS segments of all
 * rungs start at the same instants, even when frames were dropped or the rate is variable.
 */
final class KeyframeClock {
    private final long origin;
    private final long gopTicks;
    private long nextBoundary;

    KeyframeClock(long origin, long gopTicks) {
        if (gopTicks <= 0) {
            throw new IllegalArgumentException("GOP must be positive, got " + gopTicks + " ticks");
        }
        this.origin = origin;
        this.gopTicks = gopTicks;
        this.nextBoundary = origin;
    }

    boolean isKeyframe(long pts) {
        if (pts < nextBoundary) {
            return false;
        }
        long index = Math.floorDiv(pts - origin, gopTicks);
        nextBoundary = origin + (index + 1) * gopTicks;
        return true;
    }
}
