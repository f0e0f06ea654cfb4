package io.fleetcast.control.recording;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Where recorded segments lie: S3 (presigned or CDN URLs) or the local disk (signed URLs here). */
public interface SegmentStore extends AutoCloseable {
    /** A URL a player may fetch the object from for about {@code lifetime}. */
    URI playbackUrl(String key, Duration lifetime);

    /** Deletes the objects; keys that are already gone are no error. */
    void delete(List<String> keys);

    @Override
    default void close() {
    }
}
