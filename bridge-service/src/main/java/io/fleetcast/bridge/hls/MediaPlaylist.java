package io.fleetcast.bridge.hls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rung's media playlist: a sliding window of segments (or all of them when the window is
 * 0). The target duration is fixed from the configured segment length, as the HLS spec wants
 * it not to change during a live stream, and only grows if a segment was longer. Public so
 * that a store which lists only what it holds (S3) can keep its own copy with the same rules.
 */
public final class MediaPlaylist {
    private final double segmentSeconds;
    private final int window;
    private final List<SegmentEntry> entries = new ArrayList<>();
    private long discontinuitySequence;
    private int targetDuration;
    private boolean ended;

    public MediaPlaylist(double segmentSeconds, int window) {
        this.segmentSeconds = segmentSeconds;
        this.window = window;
        this.targetDuration = (int) Math.ceil(segmentSeconds - 1e-9);
    }

    /** Adds a segment; returns the entries that left the window. */
    public List<SegmentEntry> add(SegmentEntry entry) {
        entries.add(entry);
        targetDuration = Math.max(targetDuration, (int) Math.round(Math.ceil(entry.seconds() - 1e-3)));
        List<SegmentEntry> removed = new ArrayList<>();
        while (window > 0 && entries.size() > window) {
            SegmentEntry gone = entries.remove(0);
            if (gone.discontinuity()) {
                // Its discontinuity tag leaves the playlist; players count it from this header.
                discontinuitySequence++;
            }
            removed.add(gone);
        }
        return removed;
    }

    public void end() {
        ended = true;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** An immutable copy to hand to another thread. */
    public PlaylistSnapshot snapshot() {
        return new PlaylistSnapshot(text(), entries, segmentSeconds, window, ended);
    }

    public String text() {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        text.append("#EXT-X-TARGETDURATION:").append(targetDuration).append('\n');
        text.append("#EXT-X-MEDIA-SEQUENCE:").append(entries.isEmpty() ? 0 : entries.get(0).sequence()).append('\n');
        if (discontinuitySequence > 0) {
            text.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(discontinuitySequence).append('\n');
        }
        if (window == 0 && ended) {
            text.append("#EXT-X-PLAYLIST-TYPE:VOD\n");
        } else if (window == 0) {
            text.append("#EXT-X-PLAYLIST-TYPE:EVENT\n");
        }
        text.append("#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (SegmentEntry entry : entries) {
            if (entry.discontinuity()) {
                text.append("#EXT-X-DISCONTINUITY\n");
            }
            text.append(String.format(Locale.ROOT, "#EXTINF:%.6f,\n", entry.seconds()));
            text.append(entry.uri()).append('\n');
        }
        if (ended) {
            text.append("#EXT-X-ENDLIST\n");
        }
        return text.toString();
    }
}
