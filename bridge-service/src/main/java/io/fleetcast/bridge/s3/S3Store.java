package io.fleetcast.bridge.s3;

import io.fleetcast.bridge.hls.PlaylistSnapshot;
import io.fleetcast.bridge.hls.SegmentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * HLS into an S3 bucket without ever making the HLS output wait: a finished segment is moved
 * into a spool directory and queued, and an uploader thread of its own puts it in the bucket,
 * then the playlist that lists it (Owncast's order). While S3 is slow or down the segments wait
 * in the spool (at most {@link S3Settings#spoolSegments()}, the oldest skipped beyond that);
 * the bucket's playlists then list only what reached it, with a discontinuity where segments
 * are missing. The HLS side's deletes are not needed: the bucket's own playlists decide what
 * left the window, and the uploader deletes that after {@link S3Settings#deleteDelay()}.
 * Closing gives the uploader a few seconds to put what waits (the final playlists), then stops
 * it and closes the bucket. Owns the bucket.
 */
public final class S3Store implements SegmentStore, AutoCloseable {
    private static final Logger LOG = System.getLogger(S3Store.class.getName());
    static final Duration DRAIN = Duration.ofSeconds(5);

    private final Bucket bucket;
    private final Path spool;
    private final Counters counters = new Counters();
    private final UploadQueue queue;
    private final Thread uploader;
    private final AtomicLong spooledFiles = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Duration drain;

    public S3Store(Bucket bucket, Path spool, S3Settings settings) {
        this(bucket, spool, settings, DRAIN);
    }

    /** @param drain how long closing waits for what is still waiting to reach the bucket */
    S3Store(Bucket bucket, Path spool, S3Settings settings, Duration drain) {
        this.bucket = bucket;
        this.drain = drain;
        this.spool = spool.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.spool);
            // Files left by a process that died are not listed by anything any more.
            try (Stream<Path> stale = Files.list(this.spool)) {
                stale.filter(p -> p.getFileName().toString().endsWith(".ts")).forEach(UploadQueue::deleteFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the S3 spool directory " + this.spool, e);
        }
        this.queue = new UploadQueue(settings.spoolSegments(), counters);
        this.uploader = Thread.ofPlatform().name("s3-uploader-" + settings.bucket())
                .start(new Uploader(queue, bucket, settings, counters, drain));
    }

    @Override
    public void putSegment(String name, Path file) {
        Path spooled = spool.resolve(spooledFiles.incrementAndGet() + "-" + name.replace('/', '_'));
        try {
            try {
                Files.move(file, spooled, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool segment " + name + " for " + bucket + " in " + spool, e);
        }
        queue.arrive(name, spooled);
    }

    @Override
    public void putMediaPlaylist(String name, PlaylistSnapshot playlist) {
        queue.list(name, playlist);
    }

    @Override
    public void putPlaylist(String name, String text) {
        queue.text(name, text);
    }

    @Override
    public void delete(String name) {
        // The bucket's playlists lag behind the local ones while S3 is down: they decide.
    }

    @Override
    public java.util.Map<String, Long> counts() {
        S3Stats stats = stats();
        return java.util.Map.of("segmentsUploaded", stats.uploaded(), "segmentsSkipped", stats.skipped(),
                "failedAttempts", stats.failedAttempts(), "playlistsUploaded", stats.playlists(),
                "segmentsDeleted", stats.deleted(), "segmentsSpooled", (long) stats.spooled());
    }

    @Override
    public String part() {
        return "s3";
    }

    @Override
    public String failure() {
        String failure = counters.failure.get();
        return failure == null ? "" : failure;
    }

    public S3Stats stats() {
        return counters.snapshot(queue.waiting());
    }

    /** Waits until everything handed over so far has been dealt with; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return queue.awaitIdle(timeout);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.close();
        try {
            uploader.join(drain.plus(S3Bucket.CALL_TIMEOUT).plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (uploader.isAlive()) {
            LOG.log(Level.WARNING, "S3 uploader for " + bucket + " did not stop in time");
            uploader.interrupt();
        }
        queue.discard();
        LOG.log(Level.INFO, "S3 output " + bucket + " closed: " + stats());
        bucket.close();
    }

    @Override
    public String toString() {
        return bucket.toString();
    }
}
