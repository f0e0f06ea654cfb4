package io.fleetcast.observer.push;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_NEW_EXTRADATA;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_new_side_data;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;

import io.fleetcast.media.MediaException;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.CodecParameters;
import io.fleetcast.media.format.OutputMedia;
import io.fleetcast.media.retry.Backoff;
import io.fleetcast.observer.uplink.KernelSendQueue;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Pushes the encoded pictures to the media gateway on its own thread, so a slow or absent
 * uplink never blocks the encoder; stale pictures are dropped by the {@link PictureQueue}. A
 * session that fails is reopened with backoff and jitter; it always starts at a keyframe.
 */
public final class Publisher implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Publisher.class.getName());
    private static final Rational MILLIS = new Rational(1, 1000);
    private static final Duration HEALTHY = Duration.ofMinutes(1);
    private static final long KERNEL_POLL_NANOS = 20_000_000L;
    private static final long WRITE_TIMEOUT_NANOS = 5_000_000_000L;
    /** A picture waits this long only when the uplink cannot take it (one and a half pictures at 30 fps). */
    private static final long BACKLOG_MILLIS = 50;

    private final PushTarget target;
    private final PushAuth auth;
    private final Backoff backoff;
    private final KernelSendQueue kernel;
    private final LongSupplier kernelBudget;
    private final PictureQueue queue;
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final Thread thread;
    private volatile boolean connected;
    private volatile boolean kernelFull;
    private volatile boolean closed;

    /**
     * @param kernel       the transport's kernel send queue (null when it cannot be read, SRT)
     * @param kernelBudget bytes the kernel may hold before more pictures wait here instead,
     *                     where they can still be dropped when they grow stale
     */
    public Publisher(PushTarget target, PushAuth auth, Backoff backoff, Duration maxAge, KernelSendQueue kernel,
                     LongSupplier kernelBudget) {
        this.target = target;
        this.auth = auth;
        this.backoff = backoff;
        this.kernel = kernel;
        this.kernelBudget = kernelBudget;
        this.queue = new PictureQueue(maxAge.toMillis());
        this.thread = Thread.ofPlatform().name("publisher").daemon().unstarted(this::run);
        thread.start();
    }

    private static OutputMedia open(PushTarget now) {
        return new OutputMedia(now.format(), now.url(), now.ioOptions());
    }

    public PushTarget target() {
        return target;
    }

    /** Queues a picture (the publisher takes ownership). Called by the encoder's thread. */
    public void offer(EncodedPacket packet) {
        queue.offer(packet);
    }

    /**
     * Whether the uplink is behind: the kernel holds more than its budget, or a picture has been
     * waiting here (the gateway is away). The encoder then skips pictures rather than encode
     * ones that could only arrive late or be dropped: fewer pictures per second while the link
     * is stalled, and the reference chain stays whole, so no keyframe is needed after it.
     */
    public boolean backlogged() {
        return kernelFull || queue.oldestWaitMillis() > BACKLOG_MILLIS;
    }

    /** True once after the publisher dropped pictures or reconnected: the encoder should send a keyframe. */
    public boolean takeKeyframeRequest() {
        return queue.takeKeyframeRequest();
    }

    public PushStats stats() {
        return new PushStats(bytesWritten.get(), queue.queuedBytes(), framesSent.get(), queue.dropped(),
                reconnects.get(), connected, lastError.get());
    }

    private void run() {
        int attempt = 0;
        while (!closed) {
            long opened = System.nanoTime();
            try {
                session();
            } catch (RuntimeException e) {
                // MediaException for what the network does; anything else is logged with its cause
                // and retried all the same: the push must not stop for good.
                if (closed) {
                    return;
                }
                lastError.set(e.getMessage());
                if (e instanceof MediaException) {
                    LOG.log(Level.WARNING, "push to " + target.describe() + " failed: " + e.getMessage());
                } else {
                    LOG.log(Level.ERROR, "push to " + target.describe() + " failed unexpectedly", e);
                }
            }
            connected = false;
            kernelFull = false;
            if (closed) {
                return;
            }
            attempt = System.nanoTime() - opened > HEALTHY.toNanos() ? 0 : attempt + 1;
            reconnects.incrementAndGet();
            Duration delay = backoff.delay(attempt - 1, ThreadLocalRandom.current());
            LOG.log(Level.INFO, "push to " + target.describe() + ": reconnecting in " + delay.toMillis() + " ms");
            long until = System.nanoTime() + delay.toNanos();
            while (!closed && System.nanoTime() < until) {
                queue.dropStale();
                LockSupport.parkNanos(Math.min(100_000_000L, until - System.nanoTime()));
            }
            queue.requestKeyframe();
        }
    }

    /** One session: waits for a keyframe, opens the gateway, writes until something fails. */
    private void session() {
        EncodedPacket first = null;
        while (!closed && first == null) {
            first = queue.keyframe();
        }
        if (first == null) {
            return;
        }
        try (EncodedPacket head = first;
             CodecParameters parameters = CodecParameters.h264(head.width(), head.height(), head.extradata());
             OutputMedia output = open(auth.connectTo(target))) {
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
            long fullSince = 0;
            while (!closed) {
                if (!kernelHasRoom()) {
                    fullSince = fullSince == 0 ? System.nanoTime() : fullSince;
                    queue.dropStale();
                    // A peer that takes nothing for this long gets a write, whose timeout ends the session.
                    if (System.nanoTime() - fullSince < WRITE_TIMEOUT_NANOS) {
                        continue;
                    }
                }
                fullSince = 0;
                EncodedPacket packet = queue.take();
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

    /**
     * Whether the kernel holds less than its budget, waiting up to 100 ms for it. A kernel send
     * buffer grows to megabytes, seconds of video on a slow link, and nothing in it can be
     * dropped any more; kept in the queue, a picture that grows stale is dropped instead.
     */
    private boolean kernelHasRoom() {
        if (kernel == null) {
            return true;
        }
        long until = System.nanoTime() + 100_000_000L;
        while (!closed) {
            if (kernel.bytes() <= kernelBudget.getAsLong()) {
                kernelFull = false;
                return true;
            }
            kernelFull = true;
            if (System.nanoTime() >= until) {
                return false;
            }
            LockSupport.parkNanos(KERNEL_POLL_NANOS);
        }
        return false;
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

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(6000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.close();
    }
}
