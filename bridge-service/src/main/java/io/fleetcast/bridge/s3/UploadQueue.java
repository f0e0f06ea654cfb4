package io.fleetcast.bridge.s3;

import io.fleetcast.bridge.hls.PlaylistSnapshot;
import io.fleetcast.bridge.hls.SegmentEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What waits for the bucket, shared by the HLS output's thread (which only adds, never waits)
 * and the uploader (which takes one segment at a time, oldest first). A segment waits once a
 * media playlist lists it, so it travels with its entry. At most {@code capacity} segments
 * wait: beyond that the oldest is skipped, its file deleted, and the next segment of its
 * playlist carries the gap. Only the latest text of other playlists (the master) is kept.
 */
final class UploadQueue {
    private static final Logger LOG = System.getLogger(UploadQueue.class.getName());

    /** A listed segment in the spool. {@code afterGap}: segments of its playlist before it were skipped. */
    record Spooled(String name, String playlist, SegmentEntry entry, Path file, boolean afterGap) {
    }

    /** A media playlist as the uploader needs to know it; {@code waiting} counts its queued segments. */
    record Lane(double segmentSeconds, int window, long firstSequence, boolean ended, int waiting) {
    }

    /** One step for the uploader: the next segment (null when none waits), every lane, the latest texts. */
    record Work(Spooled segment, Map<String, Lane> lanes, Map<String, String> texts, boolean closing) {
    }

    private static final class LaneState {
        Lane lane;
        long lastListed = -1;
        boolean gap;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final Condition stop = lock.newCondition();
    private final int capacity;
    private final Counters counters;
    private final Map<String, Path> arrived = new HashMap<>();
    private final ArrayDeque<Spooled> waiting = new ArrayDeque<>();
    private final Map<String, LaneState> lanes = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private long version;
    private long taken;
    private boolean uploaderIdle;
    private boolean overflowing;
    private boolean closing;

    UploadQueue(int capacity, Counters counters) {
        this.capacity = capacity;
        this.counters = counters;
    }

    /** A finished segment is in the spool; it waits for the playlist that lists it. */
    void arrive(String name, Path file) {
        Path replaced;
        lock.lock();
        try {
            replaced = closing ? file : arrived.put(name, file);
        } finally {
            lock.unlock();
        }
        deleteFile(replaced);
    }

    /** A media playlist changed: the segments it lists for the first time start waiting. */
    void list(String playlist, PlaylistSnapshot snapshot) {
        List<Path> dropped = new ArrayList<>();
        lock.lock();
        try {
            if (closing) {
                return;
            }
            LaneState state = lanes.computeIfAbsent(playlist, p -> new LaneState());
            int waitingHere = state.lane == null ? 0 : state.lane.waiting();
            String folder = folder(playlist);
            for (SegmentEntry entry : snapshot.entries()) {
                if (entry.sequence() <= state.lastListed) {
                    continue;
                }
                state.lastListed = entry.sequence();
                String name = folder + entry.uri();
                Path file = arrived.remove(name);
                if (file == null) {
                    // Listed but never stored here (the spool could not take it): a gap.
                    state.gap = true;
                    counters.skipped.incrementAndGet();
                    continue;
                }
                counters.received.incrementAndGet();
                waiting.addLast(new Spooled(name, playlist, entry, file, false));
                waitingHere++;
            }
            state.lane = new Lane(snapshot.segmentSeconds(), snapshot.window(), snapshot.firstSequence(),
                    snapshot.ended(), waitingHere);
            while (waiting.size() > capacity) {
                Spooled oldest = waiting.pollFirst();
                LaneState lane = lanes.get(oldest.playlist());
                lane.gap = true;
                lane.lane = withWaiting(lane.lane, -1);
                dropped.add(oldest.file());
                counters.skipped.incrementAndGet();
                if (!overflowing) {
                    overflowing = true;
                    LOG.log(Level.WARNING, "S3 spool full (" + capacity + " segments): skipping the oldest;"
                            + " the bucket's playlists will leave them out");
                }
            }
            if (waiting.size() < capacity / 2) {
                overflowing = false;
            }
            version++;
            work.signal();
        } finally {
            lock.unlock();
        }
        dropped.forEach(UploadQueue::deleteFile);
    }

    /** A playlist that lists no segments (the master) changed; only its latest text is kept. */
    void text(String name, String text) {
        lock.lock();
        try {
            if (!closing) {
                texts.put(name, text);
                version++;
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code wait} for something new, then hands out the oldest waiting segment. */
    Work next(Duration wait) throws InterruptedException {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (waiting.isEmpty() && version == taken && !closing && nanos > 0) {
                uploaderIdle = true;
                idle.signalAll();
                nanos = work.awaitNanos(nanos);
            }
            uploaderIdle = false;
            taken = version;
            Spooled next = waiting.pollFirst();
            if (next != null) {
                LaneState state = lanes.get(next.playlist());
                state.lane = withWaiting(state.lane, -1);
                if (state.gap) {
                    state.gap = false;
                    next = new Spooled(next.name(), next.playlist(), next.entry(), next.file(), true);
                }
            }
            Map<String, Lane> view = new LinkedHashMap<>();
            lanes.forEach((name, state) -> view.put(name, state.lane));
            return new Work(next, view, Map.copyOf(texts), closing);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the segment's entry has left its playlist's live window (no use uploading it any more). */
    boolean expired(Spooled segment) {
        lock.lock();
        try {
            Lane lane = lanes.get(segment.playlist()).lane;
            return lane.window() > 0 && segment.entry().sequence() < lane.firstSequence();
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps up to {@code delay}; returns early when closing starts meanwhile. */
    void pause(Duration delay) throws InterruptedException {
        lock.lock();
        try {
            boolean wasClosing = closing;
            long nanos = delay.toNanos();
            while (nanos > 0 && closing == wasClosing) {
                nanos = stop.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    /** True once the uploader has handled everything added so far and waits for more. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!(uploaderIdle && waiting.isEmpty() && version == taken)) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** No more additions; the uploader drains what waits. */
    void close() {
        lock.lock();
        try {
            closing = true;
            work.signalAll();
            stop.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Deletes every spool file still here (after the uploader stopped). */
    void discard() {
        List<Path> files = new ArrayList<>(arrived.size() + waiting.size());
        lock.lock();
        try {
            files.addAll(arrived.values());
            arrived.clear();
            waiting.forEach(s -> files.add(s.file()));
            counters.skipped.addAndGet(waiting.size());
            waiting.clear();
        } finally {
            lock.unlock();
        }
        files.forEach(UploadQueue::deleteFile);
    }

    private static Lane withWaiting(Lane lane, int change) {
        return new Lane(lane.segmentSeconds(), lane.window(), lane.firstSequence(), lane.ended(),
                lane.waiting() + change);
    }

    /** The folder part of a name with its slash ({@code 720p/}), empty at the root. */
    static String folder(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash + 1);
    }

    static void deleteFile(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete spooled segment " + file, e);
        }
    }
}
