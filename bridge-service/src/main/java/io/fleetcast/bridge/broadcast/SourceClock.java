package io.fleetcast.bridge.broadcast;

/**
 * Maps a source's timestamps onto the broadcast's timeline, which only moves forward and in
 * real time. The source's own clock is followed while it behaves; when it jumps backward (a
 * publisher restarted behind a gateway that kept the bridge connected, a wrap-around) or
 * forward by more than {@link #MAX_FORWARD_MICROS}, the source is re-based so that its next
 * picture follows the last one on the timeline; a picture a little behind it follows on
 * without a re-base. One per source connection; audio uses the offset the video set.
 */
final class SourceClock {
    /** A forward step larger than this is a jump, not a gap in the pictures. */
    static final long MAX_FORWARD_MICROS = 1_000_000;

    private long offset;
    private boolean based;
    private int rebases;

    /**
     * The timeline position of a picture at {@code sourceMicros}.
     *
     * @param next where the next picture would sit on the timeline (the last one plus a frame)
     */
    long video(long sourceMicros, long next) {
        long mapped = sourceMicros + offset;
        if (!based || mapped < next - MAX_FORWARD_MICROS / 2 || mapped > next + MAX_FORWARD_MICROS) {
            if (based) {
                rebases++;
            }
            based = true;
            offset = next - sourceMicros;
            mapped = next;
        }
        // Behind the timeline by less than that (the last picture was held while the source
        // stalled): the picture follows on, and the source's own clock takes over again once
        // its pictures catch up; a re-base here would move the timeline ahead by every burst.
        return Math.max(mapped, next);
    }

    /** The timeline position of sound at {@code sourceMicros}, or {@code Long.MIN_VALUE} before the first picture. */
    long audio(long sourceMicros) {
        return based ? sourceMicros + offset : Long.MIN_VALUE;
    }

    /** The next picture re-bases the source (after a slate, the source's clock ran on unseen). */
    void rebaseNext() {
        based = false;
    }

    /** Times the source's clock jumped and was re-based. */
    int rebases() {
        return rebases;
    }
}
