package io.fleetcast.control.recording;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/** The segment store the settings choose (S3, local disk or none) and the local file route. */
public record SegmentStorage(Optional<SegmentStore> store, SegmentFiles files) implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SegmentStorage.class.getName());

    public static SegmentStorage of(RecordingSettings settings, byte[] tokenSecret, Clock clock) {
        if (settings.bucket().isPresent()) {
            return new SegmentStorage(Optional.of(new S3Segments(settings)), new SegmentFiles(Optional.empty()));
        }
        if (settings.localDir().isPresent()) {
            LocalSegments local = new LocalSegments(settings.localDir().get(), tokenSecret, clock);
            return new SegmentStorage(Optional.of(local), new SegmentFiles(Optional.of(local)));
        }
        LOG.log(Level.INFO, "no RECORDINGS_S3_BUCKET or RECORDINGS_DIR: recordings are indexed but cannot be played");
        return new SegmentStorage(Optional.empty(), new SegmentFiles(Optional.empty()));
    }

    @Override
    public void close() {
        store.ifPresent(SegmentStore::close);
    }
}
