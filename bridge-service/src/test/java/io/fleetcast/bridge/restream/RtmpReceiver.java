package io.fleetcast.bridge.restream;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.InputMedia;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What YouTube's ingest is to the bridge, in the test: FFmpeg listening for one RTMP
 * publisher at a time, demuxing the FLV and DECODING its video and audio, one
 * {@link Session} per accepted connection, listening again when one ends.
 */
final class RtmpReceiver implements AutoCloseable {
    private static final org.bytedeco.ffmpeg.avutil.AVRational MILLIS = av_make_q(1, 1000);

    /** One accepted connection: its picture size, the avcC it declared, each decoded picture's time (ms). */
    static final class Session {
        final List<Long> pictureMillis = new CopyOnWriteArrayList<>();
        /** When each picture arrived (System.nanoTime) and its mean luma. */
        final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
        final List<Double> pictureLuma = new CopyOnWriteArrayList<>();
        volatile int width;
        volatile int height;
        volatile int videoExtradataFirstByte = -1;
        volatile long audioSamples;
        volatile long firstAudioMillis = -1;
        /** Why a picture or a sound could not be decoded, null while all decodes. */
        volatile String error;

        int pictures() {
            return pictureMillis.size();
        }

        /** The longest wait between two consecutive pictures, in ms. */
        long longestGapMillis() {
            long gap = 0;
            for (int i = 1; i < pictureMillis.size(); i++) {
                gap = Math.max(gap, pictureMillis.get(i) - pictureMillis.get(i - 1));
            }
            return gap;
        }
    }

    private final String url;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    /** @param url {@code rtmp://127.0.0.1:PORT/app/key}: the publisher's URL as the receiver expects it */
    RtmpReceiver(String url) {
        this.url = url;
        thread = Thread.ofPlatform().name("test-rtmp-receiver").daemon().start(this::run);
    }

    List<Session> sessions() {
        return List.copyOf(sessions);
    }

    /** Waits until some session satisfies {@code condition}; false on timeout. */
    boolean await(Predicate<List<Session>> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.test(sessions())) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.test(sessions());
    }

    private void run() {
        while (!closed) {
            Session session = new Session();
            try (InputMedia input = new InputMedia(url, Map.of("listen", "1", "analyzeduration", "200000",
                    "probesize", "65536"), () -> closed)) {
                sessions.add(session);
                receive(input, session);
            } catch (MediaException e) {
                // The publisher went away (FFmpeg's server reports an I/O error), or we were closed.
            }
        }
    }

    private void receive(InputMedia input, Session session) {
        int video = input.bestStream(AVMEDIA_TYPE_VIDEO);
        int audio = input.bestStream(AVMEDIA_TYPE_AUDIO);
        var videoStream = input.stream(video);
        session.width = videoStream.codecpar().width();
        session.height = videoStream.codecpar().height();
        if (videoStream.codecpar().extradata_size() > 0) {
            session.videoExtradataFirstByte = videoStream.codecpar().extradata().get(0) & 0xFF;
        }
        var videoTimeBase = videoStream.time_base();
        var audioTimeBase = input.stream(audio).time_base();
        try (Decoder pictures = new Decoder(videoStream, null, true);
             Decoder sound = new Decoder(input.stream(audio), null);
             Packet packet = new Packet();
             Frame frame = new Frame()) {
            while (!closed && input.read(packet)) {
                int index = packet.av().stream_index();
                try {
                    if (index == video) {
                        pictures.send(packet);
                        while (pictures.receive(frame) == Pull.FRAME) {
                            session.pictureMillis.add(av_rescale_q(frame.av().best_effort_timestamp(), videoTimeBase,
                                    MILLIS));
                            session.arrivalNanos.add(System.nanoTime());
                            session.pictureLuma.add(meanLuma(frame));
                            frame.unref();
                        }
                    } else if (index == audio) {
                        sound.send(packet);
                        while (sound.receive(frame) == Pull.FRAME) {
                            if (session.firstAudioMillis < 0) {
                                session.firstAudioMillis = av_rescale_q(frame.av().pts(), audioTimeBase, MILLIS);
                            }
                            session.audioSamples += frame.av().nb_samples();
                            frame.unref();
                        }
                    }
                } catch (MediaException e) {
                    session.error = "decoding " + (index == video ? "video" : "audio") + ": " + e.getMessage();
                    throw e;
                }
                packet.unref();
            }
        }
    }

    /** Mean of every 8th luma sample of every 8th row (8-bit YUV). */
    private static double meanLuma(Frame frame) {
        var picture = frame.av();
        var luma = picture.data(0);
        long sum = 0;
        long count = 0;
        for (int y = 0; y < picture.height(); y += 8) {
            for (int x = 0; x < picture.width(); x += 8) {
                sum += luma.get((long) y * picture.linesize(0) + x) & 0xff;
                count++;
            }
        }
        return count == 0 ? 0 : sum / (double) count;
    }

    /** Stops listening and drops the connection it has (the publisher sees its socket die). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(5000);
    }

    /** Every session's decoded pictures and errors, for assertion messages. */
    String describe() {
        List<String> lines = new ArrayList<>();
        for (Session s : sessions) {
            lines.add(s.width + "x" + s.height + " pictures=" + s.pictures() + " audioSamples=" + s.audioSamples
                    + " first=" + (s.pictureMillis.isEmpty() ? "-" : s.pictureMillis.get(0))
                    + " gap=" + s.longestGapMillis() + (s.error == null ? "" : " error=" + s.error));
        }
        return String.join("; ", lines);
    }
}
