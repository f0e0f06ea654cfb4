package io.fleetcast.bridge.s3;

import io.fleetcast.bridge.hls.SegmentEntry;
import io.fleetcast.media.retry.Backoff;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The uploader thread's loop; it alone owns the bucket's playlists and the deletion schedule.
 * Segments go up oldest first, each retried with backoff until it is in the bucket (or has left
 * the live window meanwhile); a media playlist goes up after its segment, listing only what is
 * in the bucket; a text playlist (the master) once every playlist it names is there.
 */
final class Uploader implements Runnable {
    private static final Logger LOG = System.getLogger(Uploader.class.getName());
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(4));
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private record Deletion(String name, long due, int attempt) {
    }

    private final UploadQueue queue;
    private final Bucket bucket;
    private final S3Settings settings;
    private final Counters counters;
    private final Duration drain;
    private final Map<String, BucketPlaylist> playlists = new HashMap<>();
    private final Map<String, String> publishedTexts = new HashMap<>();
    private final PriorityQueue<Deletion> deletions = new PriorityQueue<>((a, b) -> Long.compare(a.due(), b.due()));
    private final Random random = new Random();
    private long deadline = Long.MAX_VALUE;
    private long failedThisEpisode;

    Uploader(UploadQueue queue, Bucket bucket, S3Settings settings, Counters counters, Duration drain) {
        this.queue = queue;
        this.bucket = bucket;
        this.settings = settings;
        this.counters = counters;
        this.drain = drain;
    }

    @Override
    public void run() {
        try {
            while (true) {
                UploadQueue.Work work = queue.next(untilNextDeletion());
                if (work.closing() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + drain.toNanos();
                }
                try {
                    step(work);
                } catch (RuntimeException e) {
                    // A bug or a broken spool must not end the S3 output: the next segment goes on.
                    LOG.log(Level.ERROR, "S3 uploader for " + bucket + " failed on "
                            + (work.segment() == null ? "playlists" : work.segment().name()), e);
                }
                if (work.closing() && (work.segment() == null || System.nanoTime() > deadline)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void step(UploadQueue.Work work) throws InterruptedException {
        if (work.segment() != null) {
            upload(work.segment(), work.lanes().get(work.segment().playlist()));
        }
        endFinished(work.lanes());
        publishTexts(work.texts());
        if (!work.closing()) {
            deleteDue();
        }
    }

    private void upload(UploadQueue.Spooled segment, UploadQueue.Lane lane) throws InterruptedException {
        BucketPlaylist playlist = playlists.computeIfAbsent(segment.playlist(),
                name -> new BucketPlaylist(lane.segmentSeconds(), lane.window()));
        if (segment.afterGap()) {
            playlist.markGap();
        }
        boolean stored;
        try {
            stored = retrying(() -> bucket.put(segment.name(), segment.file(), ObjectKind.SEGMENT),
                    () -> queue.expired(segment));
        } finally {
            UploadQueue.deleteFile(segment.file());
        }
        if (!stored) {
            counters.skipped.incrementAndGet();
            playlist.markGap();
            return;
        }
        counters.uploaded.incrementAndGet();
        String folder = UploadQueue.folder(segment.playlist());
        for (SegmentEntry gone : playlist.add(segment.entry())) {
            if (settings.deleteOld()) {
                long due = System.nanoTime() + settings.deleteDelay().toNanos();
                deletions.add(new Deletion(folder + gone.uri(), due, 0));
            }
        }
        // While segments of this playlist are still waiting, publish only now and then: each
        // upload would otherwise cost two requests while catching up.
        if (lane.waiting() == 0 || playlist.stale(System.nanoTime())) {
            publish(segment.playlist(), playlist);
        }
    }

    private void endFinished(Map<String, UploadQueue.Lane> lanes) throws InterruptedException {
        for (var lane : lanes.entrySet()) {
            BucketPlaylist playlist = playlists.get(lane.getKey());
            if (lane.getValue().ended() && lane.getValue().waiting() == 0 && playlist != null && !playlist.ended()) {
                playlist.end();
                publish(lane.getKey(), playlist);
            }
        }
    }

    private void publish(String name, BucketPlaylist playlist) throws InterruptedException {
        String text = playlist.text();
        if (retrying(() -> bucket.put(name, text, ObjectKind.PLAYLIST), () -> false)) {
            playlist.published(System.nanoTime());
            counters.playlists.incrementAndGet();
        }
    }

    private void publishTexts(Map<String, String> texts) throws InterruptedException {
        for (var entry : texts.entrySet()) {
            String name = entry.getKey();
            String text = entry.getValue();
            if (!text.equals(publishedTexts.get(name)) && namesOnlyPublished(name, text)
                    && retrying(() -> bucket.put(name, text, ObjectKind.PLAYLIST), () -> false)) {
                publishedTexts.put(name, text);
                counters.playlists.incrementAndGet();
            }
        }
    }

    /** Whether every playlist the text names is in the bucket, so a player never finds one missing. */
    private boolean namesOnlyPublished(String name, String text) {
        String folder = UploadQueue.folder(name);
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                BucketPlaylist named = playlists.get(folder + line.trim());
                if (named == null || !named.published()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Calls until it succeeds (true), or gives up (false) once {@code abandon} says so or the
     * store closed and its drain time is over. Failures are counted; logged once per episode.
     */
    private boolean retrying(Runnable call, BooleanSupplier abandon) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            if (abandon.getAsBoolean() || System.nanoTime() > deadline) {
                return false;
            }
            try {
                call.run();
                counters.failure.set(null);
                if (failedThisEpisode > 0) {
                    LOG.log(Level.INFO, "S3 " + bucket + " reachable again after " + failedThisEpisode
                            + " failed attempts (" + counters.skipped.get() + " segments skipped so far)");
                    failedThisEpisode = 0;
                }
                return true;
            } catch (BucketException e) {
                counters.failedAttempts.incrementAndGet();
                counters.failure.set(e.getMessage());
                if (failedThisEpisode++ == 0) {
                    LOG.log(Level.WARNING, e.getMessage() + "; retrying with backoff, up to "
                            + settings.spoolSegments() + " segments wait in the spool (older ones are skipped)");
                }
            }
            long left = deadline - System.nanoTime();
            queue.pause(Duration.ofNanos(Math.min(RETRY.delay(attempt, random).toNanos(), Math.max(0, left))));
        }
    }

    /** Deletes what is due; the first failure puts it back with backoff and leaves the rest for later. */
    private void deleteDue() {
        while (!deletions.isEmpty() && deletions.peek().due() <= System.nanoTime()) {
            Deletion deletion = deletions.poll();
            try {
                bucket.delete(deletion.name());
                counters.deleted.incrementAndGet();
            } catch (BucketException e) {
                counters.failedAttempts.incrementAndGet();
                LOG.log(Level.DEBUG, e.getMessage());
                deletions.add(new Deletion(deletion.name(),
                        System.nanoTime() + RETRY.delay(deletion.attempt(), random).toNanos(), deletion.attempt() + 1));
                return;
            }
        }
    }

    private Duration untilNextDeletion() {
        if (deletions.isEmpty()) {
            return IDLE_WAIT;
        }
        long nanos = deletions.peek().due() - System.nanoTime();
        return Duration.ofNanos(Math.max(Duration.ofMillis(5).toNanos(), Math.min(nanos, IDLE_WAIT.toNanos())));
    }
}
