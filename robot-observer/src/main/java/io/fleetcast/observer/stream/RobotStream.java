package io.fleetcast.observer.stream;

import io.fleetcast.observer.camera.Camera;
import io.fleetcast.observer.encode.LiveEncoder;
import io.fleetcast.observer.push.PushStats;
import io.fleetcast.observer.push.PushTarget;
import io.fleetcast.observer.push.Publisher;
import io.fleetcast.observer.uplink.KernelSendQueue;
import io.fleetcast.observer.uplink.UplinkMeter;
import io.fleetcast.observer.uplink.UplinkSample;
import io.fleetcast.quality.QualityController;
import java.util.List;

/**
 * The robot's video from cameras to the gateway: the encoder's thread, the publisher and the
 * uplink meter that closes the loop through the quality controller. Closes in reverse order.
 * The cameras belong to the caller.
 */
public final class RobotStream implements AutoCloseable {
    private static final long MIN_KERNEL_BYTES = 16 * 1024;
    private static final long KERNEL_MILLIS = 250;
    private final Publisher publisher;
    private final VideoStream video;
    private volatile UplinkMeter meter;
    private boolean closed;

    public RobotStream(List<Camera> cameras, QualityController controller, StreamSettings settings) {
        KernelSendQueue kernel = settings.target().protocol() == PushTarget.Protocol.RTMP
                ? new KernelSendQueue(settings.target().port()) : null;
        publisher = new Publisher(settings.target(), settings.auth(), settings.backoff(), settings.maxAge(), kernel, this::kernelBudget);
        VideoStream started = null;
        try {
            started = new VideoStream(cameras, () -> new LiveEncoder(settings.codec(), settings.codecOptions(),
                    settings.target().globalHeader(), settings.gopSeconds(), settings.bufferSeconds()),
                    publisher, controller, settings.backoff());
            meter = new UplinkMeter(publisher::stats, kernel, controller, settings.samplePeriod());
        } catch (RuntimeException e) {
            if (started != null) {
                started.close();
            }
            publisher.close();
            throw e;
        }
        video = started;
    }

    /**
     * What the kernel may hold: what the link has been carrying in a quarter of a
     * second (what is in the kernel when a link stalls arrives late, nothing can drop it). Until
     * it has been measured, little: a new session must not bury seconds of video in the kernel.
     */
    private long kernelBudget() {
        UplinkMeter current = meter;
        UplinkSample last = current == null ? null : current.last();
        double bytesPerSecond = last == null ? 0 : last.sample().ackedBytesPerSec();
        return Math.max(MIN_KERNEL_BYTES, (long) (bytesPerSecond * KERNEL_MILLIS / 1000));
    }

    public PushStats push() {
        return publisher.stats();
    }

    /** The latest uplink measurement, or null before the first. */
    public UplinkSample uplink() {
        return meter.last();
    }

    public VideoStream video() {
        return video;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            meter.close();
            video.close();
        } finally {
            publisher.close();
        }
    }
}
