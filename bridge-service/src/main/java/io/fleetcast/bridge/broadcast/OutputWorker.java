package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;

import io.fleetcast.bridge.metrics.OutputMetrics;
import io.fleetcast.media.Packet;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import io.fleetcast.bridge.broadcast.OutputMessage.Begin;
import io.fleetcast.bridge.broadcast.OutputMessage.Data;
import io.fleetcast.bridge.broadcast.OutputMessage.End;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One output on its own thread behind a bounded queue, so a slow or stuck destination can
 * neither block the encoders nor delay the other outputs. When the queue is full the output
 * loses whole groups of pictures: everything until each video stream's next keyframe (and the
 * sound meanwhile) is dropped, counted, and logged once per episode. An output that throws is
 * restarted by itself at the next keyframes, with a discontinuity. An output that asks for a
 * {@linkplain Output#pace() pace} gets each packet at its {@link Pacer}'s time.
 */
final class OutputWorker implements AutoCloseable {
    private static final Logger LOG = System.getLogger(OutputWorker.class.getName());

    private final Output output;
    private final double maxSeconds;
    private final boolean live;
    private long maxBytes = QueueLimit.DEFAULT_BYTES;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final ArrayDeque<OutputMessage> queue = new ArrayDeque<>();
    /** The indices of the streams the output takes in the current run (guarded by the lock). */
    private final BitSet taken = new BitSet();
    /** Bytes written, for the health figures' per-output bitrate (read by the metrics thread). */
    private final AtomicLong written = new AtomicLong();
    private final GopGate admission = new GopGate();
    private final GopGate recovery = new GopGate();
    /** Null when the output takes packets as they come. */
    private final Pacer pacer;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private long queuedBytes;
    private long droppedThisEpisode;
    private List<StreamDescription> streams = List.of();
    private boolean failed;
    private boolean closed;

    /**
     * @param maxSeconds seconds of the streams' bitrate that may wait for this output
     * @param live       when full, drop whole groups (a live broadcast); otherwise wait (a file loses nothing)
     */
    OutputWorker(Output output, double maxSeconds, boolean live) {
        this.output = output;
        this.maxSeconds = maxSeconds;
        this.live = live;
        this.pacer = output.pace().isZero() ? null : new Pacer(output.pace().toNanos());
        this.thread = Thread.ofPlatform().name("bridge-output-" + output).start(this::run);
    }

    void begin(List<StreamDescription> streams, boolean discontinuity) {
        enqueue(Begin.of(output, streams, discontinuity));
    }

    /** Queues a reference to {@code packet} (the caller keeps its own), or drops it when the output is behind. */
    void write(StreamDescription stream, Packet packet) {
        int size = packet.av().size();
        boolean key = (packet.av().flags() & AV_PKT_FLAG_KEY) != 0;
        lock.lock();
        try {
            if (!taken.get(stream.index())) {
                return;
            }
            while (!live && !closed && !queue.isEmpty() && queuedBytes + size > maxBytes) {
                room.awaitUninterruptibly();
            }
            if (closed) {
                return;
            }
            if (queuedBytes + size > maxBytes && !admission.dropping()) {
                admission.startDropping();
                LOG.log(Level.WARNING, "output " + output + " is behind (" + queuedBytes / 1024
                        + " KiB waiting): dropping whole groups of pictures until it catches up");
            }
            // Not caught up until half the queue has drained: keyframes are dropped too until then.
            boolean draining = admission.dropping() && queuedBytes > maxBytes / 2;
            if (draining || !admission.admit(stream, key)) {
                dropped.incrementAndGet();
                droppedThisEpisode++;
                return;
            }
            if (droppedThisEpisode > 0 && !admission.dropping()) {
                LOG.log(Level.INFO, "output " + output + " caught up after dropping " + droppedThisEpisode + " packets");
                droppedThisEpisode = 0;
            }
            queue.addLast(Data.of(stream, packet, size));
            queuedBytes += size;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Queues the end of the run; the future completes once the output has flushed it. */
    CompletableFuture<Void> end() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(new End(done));
        return done;
    }

    OutputMetrics metrics() {
        OutputHealth health = output.health();
        return new OutputMetrics(output.toString(), output.part(), health.state(), health.reconnects(), dropped.get(), failures.get(),
                health.lastError(), written.get(), health.counts());
    }

    private void enqueue(OutputMessage message) {
        lock.lock();
        try {
            if (closed) {
                if (message instanceof End end) {
                    end.done().complete(null);
                }
                return;
            }
            if (message instanceof Begin begin) {
                admission.reset(begin.videoTaken());
                maxBytes = QueueLimit.bytes(begin.taken(), maxSeconds);
                taken.clear();
                begin.taken().forEach(stream -> taken.set(stream.index()));
            }
            queue.addLast(message);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next message; null once closed and drained. A paced output gets the earliest queued
     * packet once its pacer's time has come (one that arrives meanwhile with an earlier time
     * goes first); not paced once closing.
     */
    private OutputMessage take() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                OutputMessage next = pacer == null ? queue.peekFirst() : OutputMessage.earliestOfRun(queue);
                long wait = next instanceof Data data && pacer != null && data.timed()
                        ? pacer.due(data.streamNanos(), data.arrived()) - System.nanoTime() : 0;
                if (next != null && wait <= 0) {
                    return remove(next);
                }
                changed.awaitNanos(next == null ? TimeUnit.MILLISECONDS.toNanos(100) : wait);
            }
            return queue.isEmpty() ? null : remove(queue.peekFirst());
        } finally {
            lock.unlock();
        }
    }

    private OutputMessage remove(OutputMessage message) {
        queue.removeFirstOccurrence(message);
        if (message instanceof Data data) {
            queuedBytes -= data.size();
            room.signalAll();
        }
        return message;
    }

    private void run() {
        try {
            OutputMessage message;
            while ((message = take()) != null) {
                handle(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(OutputMessage message) throws InterruptedException {
        switch (message) {
            case Begin begin -> {
                streams = begin.streams();
                failed = false;
                if (pacer != null) {
                    pacer.reset();
                }
                recovery.reset(begin.videoTaken());
                call("begin", () -> output.begin(begin.streams(), begin.discontinuity()));
            }
            case Data data -> {
                try (Packet packet = data.packet()) {
                    boolean key = (packet.av().flags() & AV_PKT_FLAG_KEY) != 0;
                    if (failed && !data.stream().isAudio() && key) {
                        restart();
                    }
                    if (!failed && recovery.admit(data.stream(), key)) {
                        call("write", () -> output.write(data.stream(), packet));
                        if (!failed) {
                            written.addAndGet(data.size());
                        }
                    }
                }
            }
            case End end -> {
                if (!failed) {
                    call("end", output::end);
                }
                end.done().complete(null);
            }
        }
    }

    /** The failed output begins again, with a discontinuity, at a keyframe; each stream resumes at its own. */
    private void restart() {
        try {
            output.end();
            output.begin(streams, true);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.log(Level.WARNING, "output " + output + " failed again on restart: " + e.getMessage());
            return;
        }
        failed = false;
        recovery.startDropping();
        LOG.log(Level.INFO, "output " + output + " restarted at a keyframe");
    }

    private void call(String action, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "output " + output + " failed on " + action + "; it restarts at the next keyframes", e);
            failed = true;
            failures.incrementAndGet();
        }
    }

    /** Stops taking packets, lets the output finish what is queued (up to the timeout), then closes it. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(Level.WARNING, "output " + output + " did not finish in time; closing it anyway");
            thread.interrupt();
        }
        lock.lock();
        try {
            for (OutputMessage message : queue) {
                switch (message) {
                    case Data data -> data.packet().close();
                    case End end -> end.done().complete(null);
                    case Begin begin -> { }
                }
            }
            queue.clear();
        } finally {
            lock.unlock();
        }
        try {
            output.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing output " + output + " failed", e);
        }
    }
}
