package io.fleetcast.control.recording;

import io.fleetcast.control.http.UnavailableException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deletes recordings from both places at once: the stored objects first, then their index rows,
 * so a failure leaves rows that the next attempt deletes again rather than objects nobody knows.
 */
public final class Archive {
    private static final System.Logger LOG = System.getLogger(Archive.class.getName());
    private static final int BATCH = 1000;

    private final Recordings recordings;
    private final Optional<SegmentStore> store;

    public Archive(Recordings recordings, Optional<SegmentStore> store) {
        this.recordings = recordings;
        this.store = store;
    }

    /** Before a robot is deleted: every recording of it. Storage unreachable: 503, the robot is kept. */
    public void deleteRobot(long robotId) {
        List<String> keys = recordings.keysOf(robotId);
        try {
            store.ifPresent(objects -> objects.delete(keys));
        } catch (RuntimeException e) {
            throw new UnavailableException("deleting robot " + robotId + "'s " + keys.size()
                    + " recordings from storage failed; the robot is kept, try again: " + e.getMessage(), e);
        }
        int rows = recordings.deleteRobot(robotId);
        if (rows > 0) {
            LOG.log(Level.INFO, "deleted {0} recordings of robot {1}", rows, robotId);
        }
    }

    /** Every segment that started before {@code cutoff}; returns how many. */
    public long deleteStartedBefore(Instant cutoff) {
        long deleted = 0;
        while (true) {
            List<StoredSegment> rows = recordings.startedBefore(cutoff, BATCH);
            if (rows.isEmpty()) {
                return deleted;
            }
            store.ifPresent(objects -> objects.delete(rows.stream().map(StoredSegment::key).toList()));
            deleted += recordings.delete(rows);
        }
    }
}
