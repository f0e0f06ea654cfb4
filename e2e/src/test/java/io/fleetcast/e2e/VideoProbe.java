package io.fleetcast.e2e;

import io.fleetcast.stack.ControlApi;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.observer.scene.SceneReading;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A viewer in the test: reads a stream (the gateway's RTMP, an HLS playlist) on its own thread,
 * decodes every picture and keeps, for each, when it was decoded and what the synthetic scene
 * says in it (capture time, robot marker). Opens the stream again when it ends.
 */
final class VideoProbe implements AutoCloseable {
    static {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    }

    /** One decoded picture. */
    record Picture(long decodedMillis, int width, int height, SceneReading scene) {
        long latencyMillis() {
            return decodedMillis - scene.captureMillis();
        }
    }

    private final String url;
    private final Map<String, String> options;
    private final List<Picture> pictures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile String lastError = "";

    private VideoProbe(String url, Map<String, String> options) {
        this.url = url;
        this.options = options;
        thread = Thread.ofPlatform().name("e2e-probe").daemon().start(this::run);
    }

    /** Plays a live RTMP stream as a low-latency player does (no seconds of stream analysis). */
    static VideoProbe rtmp(String url) {
        return new VideoProbe(url, Map.of("analyzeduration", "200000", "probesize", "200000", "rw_timeout", "5000000"));
    }

    /** Plays a live HLS media playlist from its newest segment on, as soon as each new one is listed. */
    static VideoProbe hls(String playlist) {
        return new VideoProbe(playlist, Map.of("live_start_index", "-1", "m3u8_hold_counters", "1000",
                "analyzeduration", "200000", "probesize", "200000"));
    }

    List<Picture> pictures() {
        return List.copyOf(pictures);
    }

    List<Picture> since(long epochMillis) {
        return pictures().stream().filter(p -> p.decodedMillis() >= epochMillis).toList();
    }

    /** The robot marker's mean position over the last second of {@code pictures} (NaN when unseen). */
    static double markerX(List<Picture> pictures) {
        return pictures.stream().skip(Math.max(0, pictures.size() - 30)).mapToDouble(p -> p.scene().markerX())
                .filter(x -> !Double.isNaN(x)).average().orElse(Double.NaN);
    }

    /** Waits until the pictures satisfy {@code condition}; fails with what was seen. */
    void await(Predicate<List<Picture>> condition, Duration timeout, String what) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (condition.test(pictures())) {
                return;
            }
            ServiceProcess.sleep(50);
        }
        throw new AssertionError("no " + what + " from " + url + " within " + timeout + ": " + pictures().size()
                + " pictures decoded" + (lastError.isEmpty() ? "" : ", last error: " + lastError));
    }

    private void run() {
        while (!closed) {
            try (InputMedia input = new InputMedia(url, new HashMap<>(options), () -> closed);
                 Packet packet = new Packet();
                 Frame frame = new Frame()) {
                int video = input.bestStream(AVMEDIA_TYPE_VIDEO);
                try (Decoder decoder = new Decoder(input.stream(video), null, true)) {
                    while (!closed && input.read(packet)) {
                        if (packet.av().stream_index() == video) {
                            decoder.send(packet);
                            while (decoder.receive(frame) == Pull.FRAME) {
                                pictures.add(new Picture(System.currentTimeMillis(), frame.av().width(),
                                        frame.av().height(), SceneReading.of(frame.av())));
                                frame.unref();
                            }
                        }
                        packet.unref();
                    }
                }
            } catch (MediaException e) {
                lastError = e.getMessage();
                if (!closed) {
                    ServiceProcess.sleep(200);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(10_000);
    }
}
