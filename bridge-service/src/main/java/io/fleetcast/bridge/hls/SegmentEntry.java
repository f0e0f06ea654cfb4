package io.fleetcast.bridge.hls;

/** One segment as a media playlist lists it. */
public record SegmentEntry(long sequence, String uri, double seconds, boolean discontinuity) {
    public SegmentEntry {
        if (seconds < 0) {
            throw new IllegalArgumentException("segment " + uri + " has a negative duration " + seconds);
        }
    }
}
