package io.fleetcast.bridge.bench;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.format.InputMedia;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An RTMP server (FFmpeg listening) reading packets: the longest wall-clock wait between two
 * pictures, and the CPU its own reading took (so a benchmark can leave it out of the sender's).
 */
public final class ArrivalReceiver implements AutoCloseable {
    private final String url;
    private final Thread thread;
    private volatile boolean closed;
    private volatile long lastPicture;
    private volatile long maxGapNanos;
    private volatile long maxGapAt;
    private volatile long cpuNanos;
    private final List<Long> longGapsAt = new CopyOnWriteArrayList<>();

    public ArrivalReceiver(int port) {
        this(port, null);
    }

    /** @param before the receiver this one replaces: its longest gap carries on, and the time between */
    public ArrivalReceiver(int port, ArrivalReceiver before) {
        url = "rtmp://127.0.0.1:" + port + "/live";
        if (before != null) {
            longGapsAt.addAll(before.longGapsAt);
            lastPicture = before.lastPicture;
            maxGapNanos = before.maxGapNanos;
            maxGapAt = before.maxGapAt;
            cpuNanos = before.cpuNanos;
        }
        thread = Thread.ofPlatform().daemon().start(this::run);
    }

    public boolean running() {
        return !closed;
    }

    public long maxGapMs() {
        return maxGapNanos / 1_000_000;
    }

    /** CPU time this receiver's thread (and those it replaced) used, once closed. */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** When gaps over 100 ms ended, in seconds after {@code start}. */
    public String longGaps(long start) {
        return longGapsAt.stream().map(at -> String.format(Locale.ROOT, "%.1f", (at - start) / 1e9)).toList().toString();
    }

    /** Seconds after {@code start} when the longest gap ended. */
    public double maxGapAtSeconds(long start) {
        return (maxGapAt - start) / 1e9;
    }

    private void run() {
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try {
            receive();
        } finally {
            cpuNanos += ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
        }
    }

    private void receive() {
        while (!closed) {
            try (InputMedia input = new InputMedia(url, Map.of("listen", "1", "timeout", "2", "rw_timeout", "3000000"),
                    () -> closed); Packet packet = new Packet()) {
                int video = input.bestStream(AVMEDIA_TYPE_VIDEO);
                while (!closed && input.read(packet)) {
                    if (packet.av().stream_index() == video) {
                        long now = System.nanoTime();
                        if (lastPicture != 0 && now - lastPicture > 100_000_000L) {
                            longGapsAt.add(now);
                        }
                        if (lastPicture != 0 && now - lastPicture > maxGapNanos) {
                            maxGapNanos = now - lastPicture;
                            maxGapAt = now;
                        }
                        lastPicture = now;
                    }
                    packet.unref();
                }
            } catch (MediaException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(5000);
    }
}
