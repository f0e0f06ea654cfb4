package io.fleetcast.observer.uplink;

import io.fleetcast.observer.push.PushStats;
import io.fleetcast.quality.QualityController;
import io.fleetcast.quality.Sample;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Measures the uplink from the real transport every {@code period} and feeds the quality
 * controller: acknowledged bytes per second (bytes the transport took minus what the kernel
 * still holds unacknowledged), and bytes queued (pictures waiting for the transport plus the
 * kernel's unacknowledged bytes). Where the kernel cannot be asked (SRT over UDP) the
 * bytes the transport accepted stand in for acknowledged ones. RTT and loss are not
 * measured on these transports and are reported as unknown (0).
 *
 * <p>Acknowledgements arrive in bursts (delayed ACKs, receive-window updates, Wi-Fi
 * aggregation): per 100 ms the acked rate swings between zero and twice the link. The
 * rate is taken over the last {@value #WINDOW_MS} ms instead, which is still short enough
 * that a real stall reads as zero within half a second.
 */
public final class UplinkMeter implements AutoCloseable {
    private static final Logger LOG = System.getLogger(UplinkMeter.class.getName());
    static final long WINDOW_MS = 500;

    private final Supplier<PushStats> push;
    private final KernelSendQueue kernel;
    private final QualityController controller;
    private final ScheduledExecutorService timer;
    private final AtomicReference<UplinkSample> last = new AtomicReference<>();
    private final long startNanos = System.nanoTime();
    private long lastUnacked;
    /** (millis, acked bytes) of the last measurements, oldest first. */
    private final java.util.ArrayDeque<long[]> window = new java.util.ArrayDeque<>();

    /** @param kernel null when the transport is not TCP */
    public UplinkMeter(Supplier<PushStats> push, KernelSendQueue kernel, QualityController controller, Duration period) {
        this.push = push;
        this.kernel = kernel;
        this.controller = controller;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("uplink-meter").daemon().factory());
        timer.scheduleAtFixedRate(this::measure, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The latest measurement and the decision it gave, or null before the first. */
    public UplinkSample last() {
        return last.get();
    }

    private void measure() {
        try {
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            PushStats stats = push.get();
            long unacked = kernel == null || !stats.connected() ? 0 : kernel.bytes();
            if (unacked < 0) {
                // The socket was not found this time (it is being opened or closed): keep the last reading.
                unacked = lastUnacked;
            }
            lastUnacked = unacked;
            long acked = stats.bytesWritten() - unacked;
            double rate = rate(millis, acked);
            long queued = stats.queuedBytes() + unacked;
            Sample sample = new Sample(millis, rate, queued, 0, 0);
            controller.onSample(sample);
            last.set(new UplinkSample(sample));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "uplink measurement failed: " + e.getMessage(), e);
        }
    }

    /** Acknowledged bytes per second over the window ending now. */
    private double rate(long millis, long acked) {
        if (!window.isEmpty() && acked < window.peekLast()[1]) {
            window.clear(); // a new session counts from what it has written
        }
        window.addLast(new long[] {millis, acked});
        while (window.size() > 2 && millis - window.peekFirst()[0] > WINDOW_MS) {
            window.pollFirst();
        }
        long[] oldest = window.peekFirst();
        return millis > oldest[0] ? (acked - oldest[1]) * 1000.0 / (millis - oldest[0]) : 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
