package io.fleetcast.bridge.hls;

import java.nio.file.Path;

/**
 * Where finished HLS files go: a local directory, an S3 bucket. Names are relative
 * ({@code 720p/seg_12.ts}); a segment is always stored before the playlist that lists it.
 */
public interface SegmentStore {
    /** Stores the finished segment file (the store may move or delete it). */
    void putSegment(String name, Path file);

    /** Stores a playlist so that a reader sees either the old or the new text, never half. */
    void putPlaylist(String name, String text);

    /**
     * Stores a media playlist. A store that writes everything it is given stores the text; one
     * that may lose segments (S3 while unreachable) rebuilds it from the entries, listing only
     * the segments it holds.
     */
    default void putMediaPlaylist(String name, PlaylistSnapshot playlist) {
        putPlaylist(name, playlist.text());
    }

    /** Removes a segment that left the live window. */
    void delete(String name);

    /** The optional part this store is ({@code s3}), or {@code hls} for the local directory. */
    default String part() {
        return "hls";
    }

    /** Why the store cannot store right now (no secrets), or empty while it can. */
    default String failure() {
        return "";
    }

    /** What the store counts, for the health figures (none for a local directory). */
    default java.util.Map<String, Long> counts() {
        return java.util.Map.of();
    }
}
