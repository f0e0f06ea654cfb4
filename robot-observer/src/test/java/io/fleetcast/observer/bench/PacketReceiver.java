package io.fleetcast.observer.bench;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.format.InputMedia;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's side of the uplink benchmark: FFmpeg listening for RTMP, reading packets
 * without decoding them (so the receiver costs the two cores next to nothing). Each video
 * packet's timestamp (milliseconds of the observer's stream) tells when it was composed,
 * its arrival when it came: the benchmark counts those more than a second late.
 */
final class PacketReceiver implements AutoCloseable {
    private static final org.bytedeco.ffmpeg.avutil.AVRational MILLIS = org.bytedeco.ffmpeg.global.avutil.av_make_q(1, 1000);

    private final String url;
    private final long streamEpochMillis;
    private final AtomicLong pictures = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    /** @param streamEpochMillis epoch milliseconds of the observer's stream time 0 */
    PacketReceiver(int port, long streamEpochMillis) {
        this.url = "rtmp://127.0.0.1:" + port + "/robot_1";
        this.streamEpochMillis = streamEpochMillis;
        thread = Thread.ofPlatform().name("bench-receiver").daemon().start(this::run);
    }

    long pictures() {
        return pictures.get();
    }

    long late() {
        return late.get();
    }

    long bytes() {
        return bytes.get();
    }

    private void run() {
        while (!closed) {
            try (InputMedia input = new InputMedia(url, Map.of("listen", "1", "timeout", "2", "rw_timeout", "3000000",
                    "analyzeduration", "100000", "probesize", "65536"), () -> closed);
                 Packet packet = new Packet()) {
                int video = input.bestStream(AVMEDIA_TYPE_VIDEO);
                var timeBase = input.stream(video).time_base();
                while (!closed && input.read(packet)) {
                    if (packet.av().stream_index() == video) {
                        long composed = streamEpochMillis + av_rescale_q(packet.av().pts(), timeBase, MILLIS);
                        pictures.incrementAndGet();
                        bytes.addAndGet(packet.av().size());
                        if (System.currentTimeMillis() - composed > 1000) {
                            late.incrementAndGet();
                        }
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
