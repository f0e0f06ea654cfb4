package io.fleetcast.observer.camera;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.CaptureDevices;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.media.retry.Backoff;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A camera FFmpeg reads: a V4L2 device, a file (played in real time, looped) or a network
 * source. It decodes on its own thread; when the camera is missing, dies or stalls for
 * {@code stallAfter}, the slot shows a "no signal" card and the camera is opened again with
 * backoff, so one dead camera never stops the others.
 */
public final class DeviceCamera implements Camera {
    private static final Logger LOG = System.getLogger(DeviceCamera.class.getName());
    private static final org.bytedeco.ffmpeg.avutil.AVRational MICROS =
            org.bytedeco.ffmpeg.global.avutil.av_make_q(1, 1_000_000);

    private final CameraSpec spec;
    private final Backoff backoff;
    private final Duration stallAfter;
    private final FrameSlot slot = new FrameSlot();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long lastPictureNanos;
    private int cardWidth = 640;
    private int cardHeight = 360;
    private int failures;

    public DeviceCamera(CameraSpec spec, Backoff backoff, Duration stallAfter, int index) {
        if (spec instanceof CameraSpec.Synthetic) {
            throw new IllegalArgumentException("the synthetic scene is a SyntheticCamera");
        }
        this.spec = spec;
        this.backoff = backoff;
        this.stallAfter = stallAfter;
        this.thread = Thread.ofPlatform().name("camera-" + index).daemon().unstarted(this::run);
        if (spec instanceof CameraSpec.V4l2) {
            CaptureDevices.register();
        }
        slot.put(NoSignal.card(cardWidth, cardHeight, spec.describe()), System.currentTimeMillis(), false);
        thread.start();
    }

    @Override
    public FrameSlot slot() {
        return slot;
    }

    @Override
    public String describe() {
        return spec.describe();
    }

    private void run() {
        while (!closed) {
            boolean delivered = false;
            try {
                delivered = readUntilEnd();
            } catch (MediaException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "camera " + spec.describe() + " lost: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                // Not what a camera does, but the camera must not stop for good: log it and retry.
                if (!closed) {
                    LOG.log(Level.ERROR, "camera " + spec.describe() + " failed unexpectedly", e);
                }
            }
            if (closed) {
                return;
            }
            failures = delivered ? 0 : failures + 1;
            if (spec instanceof CameraSpec.File && delivered) {
                continue; // the end of a looped file: play it again, no card
            }
            slot.put(NoSignal.card(cardWidth, cardHeight, spec.describe()), System.currentTimeMillis(), false);
            Duration delay = backoff.delay(Math.max(0, failures - 1), ThreadLocalRandom.current());
            LOG.log(Level.INFO, "camera " + spec.describe() + ": retrying in " + delay.toMillis() + " ms");
            LockSupport.parkNanos(delay.toNanos());
        }
    }

    /** Reads the camera until it ends or fails; true when it gave at least one picture. */
    private boolean readUntilEnd() {
        lastPictureNanos = System.nanoTime();
        boolean delivered = false;
        try (InputMedia input = new InputMedia(url(), format(), options(), this::shouldAbort);
             Packet packet = new Packet();
             Frame frame = new Frame()) {
            // Opening (stream analysis) does not count against the stall limit.
            lastPictureNanos = System.nanoTime();
            int stream = input.bestStream(AVMEDIA_TYPE_VIDEO);
            if (stream < 0) {
                throw new MediaException("camera " + spec.describe() + " has no video");
            }
            var timeBase = input.stream(stream).time_base();
            boolean paced = spec instanceof CameraSpec.File;
            long startNanos = System.nanoTime();
            long firstMicros = AV_NOPTS_VALUE;
            try (Decoder decoder = new Decoder(input.stream(stream), null, true)) {
                LOG.log(Level.INFO, "camera " + spec.describe() + " opened");
                while (!closed && input.read(packet)) {
                    if (packet.av().stream_index() != stream) {
                        packet.unref();
                        continue;
                    }
                    decoder.send(packet);
                    packet.unref();
                    while (decoder.receive(frame) == Pull.FRAME) {
                        if (paced && frame.av().best_effort_timestamp() != AV_NOPTS_VALUE) {
                            long micros = av_rescale_q(frame.av().best_effort_timestamp(), timeBase, MICROS);
                            if (firstMicros == AV_NOPTS_VALUE) {
                                firstMicros = micros;
                            }
                            long wait = startNanos + (micros - firstMicros) * 1000 - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                        }
                        cardWidth = frame.av().width() & ~1;
                        cardHeight = frame.av().height() & ~1;
                        lastPictureNanos = System.nanoTime();
                        slot.put(frame.moveOut(), System.currentTimeMillis(), true);
                        delivered = true;
                    }
                }
            }
        }
        return delivered;
    }

    private boolean shouldAbort() {
        return closed || System.nanoTime() - lastPictureNanos > stallAfter.toNanos();
    }

    private String url() {
        return switch (spec) {
            case CameraSpec.V4l2 v -> v.device();
            case CameraSpec.File f -> f.path();
            case CameraSpec.Network n -> n.url();
            case CameraSpec.Synthetic s -> throw new IllegalStateException("synthetic");
        };
    }

    private String format() {
        return spec instanceof CameraSpec.V4l2 ? "v4l2" : null;
    }

    private Map<String, String> options() {
        return switch (spec) {
            // A short analysis starts a live camera fast; the packets it reads are kept (no
            // fflags=nobuffer, which would drop the first keyframe and wait a GOP for the next).
            case CameraSpec.Network n when n.url().startsWith("rtsp") -> Map.of("rtsp_transport", "tcp",
                    "timeout", Long.toString(stallAfter.toNanos() / 1000), "analyzeduration", "500000",
                    "probesize", "500000");
            case CameraSpec.Network n -> Map.of("rw_timeout", Long.toString(stallAfter.toNanos() / 1000),
                    "analyzeduration", "500000", "probesize", "500000");
            default -> Map.of();
        };
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        slot.close();
    }
}
