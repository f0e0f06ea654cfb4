package io.fleetcast.bridge.hls;

import java.nio.file.Path;

/**
 * Where finished HLS files go: a local directory today, an S3 bucket beside it later.
 * Names are relative ({@code 720p/seg_12.ts}); a segment is always stored before the
 * playlist that lists it.
 */
public interface SegmentStore {
    /** Stores the finished segment file (the store may move or delete it). */
    void putSegment(String name, Path file);

    /** Stores a playlist so that a reader sees either the old or the new text, never half. */
    void putPlaylist(String name, String text);

    /** Removes a segment that left the live window. */
    void delete(String name);
}
