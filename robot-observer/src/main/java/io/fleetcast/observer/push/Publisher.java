package io.fleetcast.observer.push;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_NEW_EXTRADATA;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_new_side_data;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;

import io.fleetcast.media.MediaException;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.CodecParameters;
import io.fleetcast.media.format.OutputMedia;
import io.fleetcast.media.retry.Backoff;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import io.fleetcast.observer.uplink.KernelSendQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pushes the encoded pictures to the media gateway on its own thread, so a slow or absent
 * uplink never blocks the encoder. A picture that has waited longer than {@code maxAge}
 * is stale for a live robot: it is dropped with the rest of its group of pictures and a
 * keyframe is asked for, so the stream resumes at once instead of falling further behind.
 * A session that fails is reopened with backoff and jitter; it always starts at a keyframe.
 */
public final class Publisher implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Publisher.class.getName());
    private static final Rational MILLIS = new Rational(1, 1000);
    /** A bound on memory whatever the gateway does (about 10 s of pictures). */
    private static final int MAX_QUEUED = 300;
    private static final Duration HEALTHY = Duration.ofMinutes(1);

    private final PushTarget target;
    private final Backoff backoff;
    private final long maxAgeMillis;
    private final KernelSendQueue kernel;
    private final LongSupplier kernelBudget;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<EncodedPacket> queue = new ArrayDeque<>();
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesDropped = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final Thread thread;
    private volatile boolean connected;
    private volatile boolean closed;

    /**
     * @param kernel      the transport's kernel send queue (null when it cannot be read, SRT)
     * @param kernelBudget bytes the kernel may hold before more pictures wait here instead,
     *                    where they can still be dropped when they grow stale
     */
    public Publisher(PushTarget target, Backoff backoff, Duration maxAge, KernelSendQueue kernel,
                     LongSupplier kernelBudget) {
        this.target = target;
        this.kernel = kernel;
        this.kernelBudget = kernelBudget;
        this.backoff = backoff;
        this.maxAgeMillis = maxAge.toMillis();
        this.thread = Thread.ofPlatform().name("publisher").daemon().unstarted(this::run);
        thread.start();
    }

    public PushTarget target() {
        return target;
    }

    /** Queues a picture (the publisher takes ownership). Called by the encoder's thread. */
    public void offer(EncodedPacket packet) {
        lock.lock();
        try {
            if (closed) {
                packet.close();
                return;
            }
            queue.addLast(packet);
            queuedBytes.addAndGet(packet.size());
            if (queue.size() > MAX_QUEUED) {
                dropGroup();
            }
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** True once after the publisher dropped pictures or reconnected: the encoder should send a keyframe. */
    public boolean takeKeyframeRequest() {
        return keyframeWanted.getAndSet(false);
    }

    public PushStats stats() {
        return new PushStats(bytesWritten.get(), queuedBytes.get(), framesSent.get(), framesDropped.get(),
                reconnects.get(), connected, lastError.get());
    }

    private void run() {
        int attempt = 0;
        while (!closed) {
            long opened = System.nanoTime();
            try {
                session();
            } catch (MediaException e) {
                if (closed) {
                    return;
                }
                lastError.set(e.getMessage());
                LOG.log(Level.WARNING, "push to " + target.describe() + " failed: " + e.getMessage());
            }
            connected = false;
            if (closed) {
                return;
            }
            attempt = System.nanoTime() - opened > HEALTHY.toNanos() ? 0 : attempt + 1;
            reconnects.incrementAndGet();
            Duration delay = backoff.delay(attempt - 1, ThreadLocalRandom.current());
            LOG.log(Level.INFO, "push to " + target.describe() + ": reconnecting in " + delay.toMillis() + " ms");
            sleepDropping(delay);
        }
    }

    /** One session: waits for a keyframe, opens the gateway, writes until something fails. */
    private void session() {
        EncodedPacket first = nextKeyframe();
        if (first == null) {
            return;
        }
        try (EncodedPacket head = first;
             CodecParameters parameters = CodecParameters.h264(head.width(), head.height(), head.extradata());
             OutputMedia output = new OutputMedia(target.format(), target.url(), target.ioOptions())) {
            output.addStream(parameters.av(), MILLIS);
            // Flushed per picture: nothing waits in FFmpeg's I/O buffer, and the bytes counted as
            // written are the bytes the kernel has (the uplink meter subtracts what it still holds).
            output.begin(Map.of("flush_packets", "1"));
            connected = true;
            LOG.log(Level.INFO, "pushing to " + target.describe() + " (" + target.format() + ", "
                    + head.width() + "x" + head.height() + ")");
            long generation = head.generation();
            long base = bytesWritten.get();
            write(output, head, false, base);
            while (!closed) {
                awaitKernelRoom();
                EncodedPacket packet = take();
                if (packet == null) {
                    continue;
                }
                try (packet) {
                    boolean newEncoder = packet.generation() != generation;
                    generation = packet.generation();
                    write(output, packet, newEncoder && target.globalHeader(), base);
                }
            }
        }
    }

    /** @param base bytes written by earlier sessions (the muxer counts from zero in each) */
    private void write(OutputMedia output, EncodedPacket packet, boolean newParameterSets, long base) {
        var av = packet.packet().av();
        if (newParameterSets && packet.extradata().length > 0) {
            var side = av_packet_new_side_data(av, AV_PKT_DATA_NEW_EXTRADATA, packet.extradata().length);
            if (side == null || side.isNull()) {
                throw new MediaException("av_packet_new_side_data(extradata) returned no memory");
            }
            side.put(packet.extradata());
        }
        av.stream_index(0);
        av_packet_rescale_ts(av, MILLIS.av(), output.timeBase(0).av());
        output.write(packet.packet());
        var io = output.av().pb();
        bytesWritten.set(io == null || io.isNull() ? bytesWritten.get() + packet.size() : base + io.bytes_written());
        framesSent.incrementAndGet();
    }

    /**
     * Waits (up to 100 ms at a time) while the kernel holds more than its budget. A kernel send
     * buffer grows to megabytes, seconds of video on a slow link, and nothing in it can be
     * dropped any more; kept here, a picture that grows stale is dropped instead of arriving late.
     */
    private void awaitKernelRoom() {
        if (kernel == null) {
            return;
        }
        long until = System.nanoTime() + 100_000_000L;
        while (!closed && System.nanoTime() < until && kernel.bytes() > kernelBudget.getAsLong()) {
            LockSupport.parkNanos(5_000_000L);
        }
    }

    /** The next picture to write, after dropping stale groups; null after 100 ms without one. */
    private EncodedPacket take() {
        lock.lock();
        try {
            if (queue.isEmpty() && !awaitArrival()) {
                return null;
            }
            EncodedPacket head = queue.peekFirst();
            if (System.currentTimeMillis() - head.captureMillis() > maxAgeMillis) {
                dropGroup();
                if (queue.isEmpty()) {
                    return null;
                }
            }
            return poll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a keyframe to start a session with, dropping what comes before it. */
    private EncodedPacket nextKeyframe() {
        lock.lock();
        try {
            while (!closed) {
                while (!queue.isEmpty() && !queue.peekFirst().key()) {
                    dropOne();
                    keyframeWanted.set(true);
                }
                if (!queue.isEmpty()) {
                    return poll();
                }
                awaitArrival();
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Drops the picture at the head and the rest of its group, up to the next fresh keyframe. */
    private void dropGroup() {
        dropOne();
        long now = System.currentTimeMillis();
        while (!queue.isEmpty() && (!queue.peekFirst().key() || now - queue.peekFirst().captureMillis() > maxAgeMillis)) {
            dropOne();
        }
        keyframeWanted.set(true);
    }

    private void dropOne() {
        EncodedPacket dropped = queue.pollFirst();
        if (dropped != null) {
            queuedBytes.addAndGet(-dropped.size());
            framesDropped.incrementAndGet();
            dropped.close();
        }
    }

    private EncodedPacket poll() {
        EncodedPacket packet = queue.pollFirst();
        queuedBytes.addAndGet(-packet.size());
        return packet;
    }

    private boolean awaitArrival() {
        try {
            arrived.await(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
        return !queue.isEmpty();
    }

    /** Sleeps between sessions; pictures keep arriving and age out meanwhile. */
    private void sleepDropping(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        while (!closed && System.nanoTime() < until) {
            lock.lock();
            try {
                long now = System.currentTimeMillis();
                while (!queue.isEmpty() && now - queue.peekFirst().captureMillis() > maxAgeMillis) {
                    dropOne();
                }
                arrived.await(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(6000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            while (!queue.isEmpty()) {
                queue.pollFirst().close();
            }
            queuedBytes.set(0);
        } finally {
            lock.unlock();
        }
    }
}
