package io.fleetcast.observer.stream;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;

import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.retry.Backoff;
import io.fleetcast.observer.camera.Camera;
import io.fleetcast.observer.encode.LiveEncoder;
import io.fleetcast.observer.push.EncodedPacket;
import io.fleetcast.observer.push.Publisher;
import io.fleetcast.observer.tile.Layout;
import io.fleetcast.observer.tile.Tiler;
import io.fleetcast.quality.Decision;
import io.fleetcast.quality.QualityController;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The encoder's thread: at the frame rate of the current quality state it takes every
 * camera's latest picture, tiles them at the state's size, encodes and hands the packets
 * to the publisher. Decisions of the quality controller are applied between pictures (a
 * bitrate live, a state by a new encoder). If tiling or encoding fails, the encoder is
 * rebuilt after a backoff (the watchdog) while cameras and publisher carry on.
 */
public final class VideoStream implements AutoCloseable {
    private static final Logger LOG = System.getLogger(VideoStream.class.getName());
    private static final byte[] NO_BYTES = new byte[0];

    private final List<Camera> cameras;
    private final Supplier<LiveEncoder> encoders;
    private final Publisher publisher;
    private final QualityController controller;
    private final Backoff backoff;
    private final Thread thread;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final long startEpochMillis = System.currentTimeMillis();
    private volatile LiveEncoder current;
    private volatile boolean closed;

    /** @param encoders makes a fresh encoder (closed) at start and after every failure */
    public VideoStream(List<Camera> cameras, Supplier<LiveEncoder> encoders, Publisher publisher,
                       QualityController controller, Backoff backoff) {
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("a stream needs at least one camera");
        }
        this.cameras = List.copyOf(cameras);
        this.encoders = encoders;
        this.publisher = publisher;
        this.controller = controller;
        this.backoff = backoff;
        this.thread = Thread.ofPlatform().name("encoder").daemon().unstarted(this::run);
        thread.start();
    }

    /** Pictures encoded so far. */
    public long frames() {
        return frames.get();
    }

    /** Pictures not encoded because the uplink was behind (see {@link Publisher#backlogged()}). */
    public long skipped() {
        return skipped.get();
    }

    /** The encoder in use (for metrics), or null between restarts. */
    public LiveEncoder encoder() {
        return current;
    }

    /** Epoch milliseconds of stream time 0: a packet's timestamp plus this is when it was composed. */
    public long startEpochMillis() {
        return startEpochMillis;
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            long began = System.nanoTime();
            try (LiveEncoder encoder = encoders.get()) {
                current = encoder;
                encodeUntilClosed(encoder);
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                failures = System.nanoTime() - began > Duration.ofMinutes(1).toNanos() ? 0 : failures + 1;
                Duration delay = backoff.delay(failures - 1, ThreadLocalRandom.current());
                LOG.log(Level.ERROR, "encoder failed, restarting in " + delay.toMillis() + " ms: " + e.getMessage(), e);
                LockSupport.parkNanos(delay.toNanos());
            } finally {
                current = null;
            }
        }
    }

    private void encodeUntilClosed(LiveEncoder encoder) {
        Decision decision = controller.current();
        encoder.configure(decision.state(), decision.bitrateBps());
        List<Frame> pictures = new ArrayList<>();
        try (Tiler tiler = new Tiler(layout(decision), decision.state().fps()); Frame tiled = new Frame()) {
            for (int i = 0; i < cameras.size(); i++) {
                pictures.add(new Frame());
            }
            long next = System.nanoTime();
            long lastMillis = -1;
            while (!closed) {
                decision = controller.current();
                encoder.configure(decision.state(), decision.bitrateBps());
                tiler.relayout(layout(decision), decision.state().fps());
                if (publisher.takeKeyframeRequest()) {
                    encoder.requestKeyframe();
                }
                next += 1_000_000_000L / decision.state().fps();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -200_000_000L) {
                    next = System.nanoTime();
                }
                if (publisher.backlogged()) {
                    skipped.incrementAndGet();
                    continue;
                }
                boolean complete = true;
                for (int i = 0; i < cameras.size(); i++) {
                    complete &= cameras.get(i).slot().copyInto(pictures.get(i)) >= 0;
                }
                // Age counts from composition: a camera whose last picture is old (a "no signal"
                // card, a stalled feed) must not make the whole stream look stale.
                long composed = System.currentTimeMillis();
                long millis = Math.max(lastMillis + 1, (System.nanoTime() - startNanos) / 1_000_000);
                if (complete && tiler.compose(pictures, millis, tiled)) {
                    lastMillis = millis;
                    encoder.encode(tiled, millis, packet -> publish(encoder, packet, composed));
                    frames.incrementAndGet();
                    tiled.unref();
                }
                for (Frame picture : pictures) {
                    picture.unref();
                }
            }
        } finally {
            for (Frame picture : pictures) {
                picture.close();
            }
        }
    }

    private void publish(LiveEncoder encoder, Packet packet, long composedMillis) {
        try {
            var av = packet.av();
            boolean key = (av.flags() & AV_PKT_FLAG_KEY) != 0;
            publisher.offer(new EncodedPacket(packet, composedMillis, key, av.size(), encoder.generation(),
                    key ? encoder.extradata() : NO_BYTES, encoder.state().width(), encoder.state().height()));
        } catch (RuntimeException e) {
            packet.close();
            throw e;
        }
    }

    private Layout layout(Decision decision) {
        return Layout.of(cameras.size(), decision.state().width(), decision.state().height());
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
