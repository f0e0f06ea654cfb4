package io.fleetcast.bridge.hls;

import java.util.List;

/**
 * A media playlist as it stood after a change: its text, and what it was made of.
 *
 * @param entries the listed segments, oldest first
 * @param segmentSeconds the configured segment length the target duration comes from
 * @param window segments kept in the playlist; 0 keeps all
 * @param ended whether the playlist is finished ({@code #EXT-X-ENDLIST})
 */
public record PlaylistSnapshot(String text, List<SegmentEntry> entries, double segmentSeconds, int window,
                               boolean ended) {
    public PlaylistSnapshot {
        entries = List.copyOf(entries);
    }

    /** The sequence number of the oldest listed segment, or -1 when none is listed. */
    public long firstSequence() {
        return entries.isEmpty() ? -1 : entries.get(0).sequence();
    }
}
