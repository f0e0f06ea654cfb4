package io.fleetcast.bridge.s3;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** The S3 output's counts, written by the HLS thread (skips at the spool) and the uploader. */
final class Counters {
    final AtomicLong received = new AtomicLong();
    final AtomicLong uploaded = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong failedAttempts = new AtomicLong();
    final AtomicLong playlists = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    /** The bucket's last error while calls fail, null once one succeeds again. */
    final AtomicReference<String> failure = new AtomicReference<>();

    S3Stats snapshot(int spooled) {
        return new S3Stats(received.get(), uploaded.get(), skipped.get(), failedAttempts.get(), playlists.get(),
                deleted.get(), spooled);
    }
}
