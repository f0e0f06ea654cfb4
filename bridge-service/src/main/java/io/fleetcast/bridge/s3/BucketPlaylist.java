package io.fleetcast.bridge.s3;

import io.fleetcast.bridge.hls.MediaPlaylist;
import io.fleetcast.bridge.hls.SegmentEntry;
import java.util.List;

/**
 * A media playlist as the bucket serves it: the same window and rules as the local one, but
 * listing only segments that are in the bucket. A skipped segment leaves no hole in the
 * numbering: the next one takes the following sequence number, with a discontinuity (its
 * timestamps jump), so a player that reloads sees each URI under one number only and every
 * change is one HLS allows (segments appended, the oldest removed).
 */
final class BucketPlaylist {
    private final MediaPlaylist playlist;
    private final double segmentSeconds;
    private long nextSequence = -1;
    private boolean gap;
    private boolean ended;
    private long publishedAt;
    private boolean published;

    BucketPlaylist(double segmentSeconds, int window) {
        this.playlist = new MediaPlaylist(segmentSeconds, window);
        this.segmentSeconds = segmentSeconds;
    }

    /** Segments before the next one will be missing. */
    void markGap() {
        gap = true;
    }

    /** Lists a segment that is now in the bucket; returns the entries that left the window. */
    List<SegmentEntry> add(SegmentEntry local) {
        if (nextSequence < 0) {
            nextSequence = local.sequence();
        }
        boolean discontinuity = (local.discontinuity() || gap) && !playlist.isEmpty();
        gap = false;
        return playlist.add(new SegmentEntry(nextSequence++, local.uri(), local.seconds(), discontinuity));
    }

    void end() {
        ended = true;
        playlist.end();
    }

    boolean ended() {
        return ended;
    }

    boolean isEmpty() {
        return playlist.isEmpty();
    }

    String text() {
        return playlist.text();
    }

    void published(long nanos) {
        published = true;
        publishedAt = nanos;
    }

    boolean published() {
        return published;
    }

    /** Whether the bucket's copy is older than a segment (worth refreshing even with more segments waiting). */
    boolean stale(long nanos) {
        return !published || nanos - publishedAt > (long) (segmentSeconds * 1e9);
    }
}
