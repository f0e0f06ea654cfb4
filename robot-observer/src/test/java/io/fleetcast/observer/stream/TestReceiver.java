package io.fleetcast.observer.stream;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.media.stamp.TimeStrip;
import io.fleetcast.observer.scene.SceneReading;
import io.fleetcast.observer.scene.SyntheticScene;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.bytedeco.javacpp.BytePointer;

/**
 * The gateway's side in tests: FFmpeg listening for one RTMP or SRT publisher at a time (it
 * listens again after each session ends), decoding every picture and reading what the
 * synthetic scene put in it (capture-time strip, robot marker).
 */
public final class TestReceiver implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TestReceiver.class.getName());
    static {
        // FFmpeg's own chatter (x264's settings, the listener's warnings) would bury the test output.
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    }

    private final String url;
    private final Map<String, String> options;
    private final List<ReceivedPicture> pictures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile int sessions;

    private TestReceiver(String url, Map<String, String> options) {
        this.url = url;
        this.options = options;
        thread = Thread.ofPlatform().name("test-receiver").daemon().start(this::run);
    }

    public static TestReceiver rtmp(int port) {
        // Listens 2 s at a time and gives up a read after 8 s, so the thread sees close() and ends;
        // not sooner: on a loaded machine a stalled link can hold the stream back for 3 s, and the
        // receiver giving up would count as the observer reconnecting.
        return new TestReceiver("rtmp://127.0.0.1:" + port + "/robot_1",
                with(Map.of("listen", "1", "timeout", "2", "rw_timeout", "8000000")));
    }

    public static TestReceiver srt(int port) {
        // Timeouts on listening and reading, so the thread sees close() and ends before the JVM
        // does: libsrt still running at exit can abort the process (a double free in its cleanup).
        return new TestReceiver("srt://127.0.0.1:" + port + "?mode=listener&latency=200000",
                with(Map.of("listen_timeout", "1000000", "rw_timeout", "1000000")));
    }

    /** A reader that starts at once, as a player of a live stream does (no 5 s of stream analysis). */
    private static Map<String, String> with(Map<String, String> protocol) {
        Map<String, String> options = new java.util.HashMap<>(protocol);
        options.put("analyzeduration", "100000");
        options.put("probesize", "65536");
        return options;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ReceivedPicture> pictures() {
        return List.copyOf(pictures);
    }

    public int sessions() {
        return sessions;
    }

    /** Waits up to {@code millis} until {@code condition} holds for the pictures received. */
    public boolean await(Predicate<List<ReceivedPicture>> condition, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (condition.test(pictures())) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.test(pictures());
    }

    private void run() {
        while (!closed) {
            try (InputMedia input = new InputMedia(url, options, () -> closed);
                 Packet packet = new Packet();
                 Frame frame = new Frame()) {
                sessions++;
                int stream = input.bestStream(AVMEDIA_TYPE_VIDEO);
                try (Decoder decoder = new Decoder(input.stream(stream), null, true)) {
                    while (!closed && input.read(packet)) {
                        if (packet.av().stream_index() != stream) {
                            packet.unref();
                            continue;
                        }
                        long bytes = packet.av().size();
                        decoder.send(packet);
                        packet.unref();
                        while (decoder.receive(frame) == Pull.FRAME) {
                            pictures.add(look(frame, bytes));
                            frame.unref();
                        }
                    }
                }
            } catch (MediaException e) {
                if (closed) {
                    return;
                }
                LOG.log(System.Logger.Level.INFO, "test receiver: a session ended: " + e.getMessage());
            }
        }
    }

    private static ReceivedPicture look(Frame frame, long bytes) {
        var av = frame.av();
        int width = av.width();
        SceneReading scene = SceneReading.of(av);
        BytePointer luma = av.data(0);
        int stride = av.linesize(0);
        long rightSum = 0;
        long rightCount = 0;
        int top = TimeStrip.height(av.height()) + 2;
        int bottom = av.height() - SyntheticScene.bandHeight(av.height()) - 2;
        for (int y = top; y < bottom; y += 2) {
            for (int x = width / 2; x < width; x += 2) {
                rightSum += luma.get((long) y * stride + x) & 0xFF;
                rightCount++;
            }
        }
        return new ReceivedPicture(System.currentTimeMillis(), width, av.height(), scene.captureMillis(),
                scene.markerX(), scene.markerY(), rightCount == 0 ? 0 : (double) rightSum / rightCount, leftStrip(av),
                bytes);
    }

    /** A 16:9 tile's strip in the left half, wherever the tile sits vertically (letterboxed). */
    private static long leftStrip(org.bytedeco.ffmpeg.avutil.AVFrame av) {
        int width = av.width() / 2;
        int height = width * 9 / 16;
        for (int y = 0; y + height <= av.height(); y += 2) {
            var read = TimeStrip.read(av, 0, y, width, height);
            if (read.isPresent()) {
                return read.getAsLong();
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(10_000);
        if (thread.isAlive()) {
            throw new AssertionError("the test receiver did not stop: " + url);
        }
    }

    static List<ReceivedPicture> after(List<ReceivedPicture> pictures, long epochMillis) {
        List<ReceivedPicture> later = new ArrayList<>();
        for (ReceivedPicture picture : pictures) {
            if (picture.arrivalMillis() >= epochMillis) {
                later.add(picture);
            }
        }
        return later;
    }
}
