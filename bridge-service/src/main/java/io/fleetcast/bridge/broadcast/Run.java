package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;

import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.bridge.metrics.MetricsRecorder;
import io.fleetcast.media.Closer;
import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.codec.HardwareDevice;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.InputMedia;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * One connection of the input, from open to end: demux, decode once, hand every decoded
 * picture to the {@link LadderStage} and the sound to the {@link AudioPath}. Runs on the
 * ingest thread. Timestamps leave it as microseconds of the pipeline clock, which continues
 * across runs so the outputs see time move forward after a reconnect.
 */
final class Run implements AutoCloseable {
    private static final AVRational MICROS = av_make_q(1, 1_000_000);

    private final RunSettings settings;
    private final InputMedia input;
    private final Distribution distribution;
    private final MetricsRecorder metrics;
    private final HardwareDevice device;
    private final boolean live;
    private final boolean discontinuity;
    private final long clockStart;
    private final BooleanSupplier stopped;
    private final Closer closer = new Closer();
    private Decoder video;
    private Decoder audio;
    private int videoIndex;
    private int audioIndex;
    private LadderStage ladder;
    private boolean begun;
    private boolean ended;
    private AudioPath sound;
    private long originMicros = AV_NOPTS_VALUE;
    private long lastMicros = Long.MIN_VALUE;
    private long frameMicros = 33_333;

    Run(RunSettings settings, InputMedia input, Distribution distribution, MetricsRecorder metrics,
        HardwareDevice device, boolean live, boolean discontinuity, long clockStart, BooleanSupplier stopped) {
        this.settings = settings;
        this.input = input;
        this.distribution = distribution;
        this.metrics = metrics;
        this.device = device;
        this.live = live;
        this.discontinuity = discontinuity;
        this.clockStart = clockStart;
        this.stopped = stopped;
    }

    /** Reads the input to its end (or a stop) and returns where the pipeline clock got to. */
    long execute() throws InterruptedException {
        videoIndex = input.bestStream(AVMEDIA_TYPE_VIDEO);
        if (videoIndex < 0) {
            throw new MediaException("input " + input.name() + " has no video stream");
        }
        audioIndex = input.bestStream(AVMEDIA_TYPE_AUDIO);
        video = closer.add(new Decoder(input.stream(videoIndex), device, live));
        if (audioIndex >= 0) {
            audio = closer.add(new Decoder(input.stream(audioIndex), null));
        }
        Rational rate = frameRate(input.av(), input.stream(videoIndex));
        if (rate.num() > 0) {
            frameMicros = Math.round(1e6 / rate.value());
        }
        try (Packet packet = new Packet(); Frame frame = new Frame()) {
            while (!stopped.getAsBoolean() && input.read(packet)) {
                int index = packet.av().stream_index();
                if (index == videoIndex) {
                    decodeVideo(packet, frame, rate);
                } else if (index == audioIndex) {
                    decodeAudio(packet, frame);
                }
                packet.unref();
                throwIfFailed();
            }
            if (!stopped.getAsBoolean()) {
                decodeVideo(null, frame, rate);
                if (audio != null) {
                    decodeAudio(null, frame);
                }
            }
        }
        finish();
        return clockEnd();
    }

    /**
     * FFmpeg's guess, unless the input was analysed too briefly to measure the average rate:
     * then the guess can be H.264's field rate (50 for a 25 fps stream), and the rate the
     * stream declares (its SPS timing) is the better answer.
     */
    private static Rational frameRate(AVFormatContext format, AVStream stream) {
        AVRational declared = stream.codecpar().framerate();
        boolean measured = stream.avg_frame_rate().num() > 0 && stream.avg_frame_rate().den() > 0;
        if (!measured && declared.num() > 0 && declared.den() > 0) {
            return Rational.of(declared);
        }
        AVRational guess = av_guess_frame_rate(format, stream, null);
        return guess.num() > 0 && guess.den() > 0 ? Rational.of(guess) : new Rational(0, 1);
    }

    private void decodeVideo(Packet packet, Frame frame, Rational rate) throws InterruptedException {
        while (!video.send(packet)) {
            drainVideo(frame, rate);
        }
        drainVideo(frame, rate);
    }

    private void drainVideo(Frame frame, Rational rate) throws InterruptedException {
        while (video.receive(frame) == Pull.FRAME) {
            try {
                onPicture(frame, rate);
            } finally {
                frame.unref();
            }
        }
    }

    private void onPicture(Frame frame, Rational rate) throws InterruptedException {
        long pts = frame.av().best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
            pts = frame.av().pts();
        }
        long sourceMicros = pts == AV_NOPTS_VALUE
                ? (lastMicros == Long.MIN_VALUE ? 0 : lastMicros + frameMicros - clockStart)
                : av_rescale_q(pts, input.stream(videoIndex).time_base(), MICROS);
        if (originMicros == AV_NOPTS_VALUE) {
            originMicros = sourceMicros;
        }
        long micros = clockStart + sourceMicros - originMicros;
        metrics.inputFrame();
        if (micros <= lastMicros) {
            metrics.dropped();
            return;
        }
        if (ladder == null) {
            ladder = closer.add(LadderStage.open(settings, frame, rate, clockStart, distribution, device, live));
            sound = closer.add(audio != null
                    ? AudioPath.fromSource(settings.audioBitRate(), distribution)
                    : AudioPath.silence(settings.audioBitRate(), distribution));
            var streams = new java.util.ArrayList<>(ladder.streams());
            streams.add(sound.describe(streams.size()));
            metrics.rungs(ladder.plans().stream().map(p -> new String[] {p.name(), p.resolution()}).toList());
            distribution.begin(streams, discontinuity);
            begun = true;
        }
        if (live && !ladder.hasRoom()) {
            // Encoders are behind real time: drop this picture for every rung alike, so
            // rungs keep identical frames and aligned keyframes.
            metrics.dropped();
            return;
        }
        lastMicros = micros;
        ladder.push(frame, micros);
        sound.fillUntil(micros);
        metrics.contentPosition(micros);
    }

    private void decodeAudio(Packet packet, Frame frame) {
        while (!audio.send(packet)) {
            drainAudio(frame);
        }
        drainAudio(frame);
    }

    private void drainAudio(Frame frame) {
        while (audio.receive(frame) == Pull.FRAME) {
            try {
                long pts = frame.av().best_effort_timestamp();
                if (sound == null || pts == AV_NOPTS_VALUE || originMicros == AV_NOPTS_VALUE) {
                    continue;
                }
                long micros = clockStart + av_rescale_q(pts, input.stream(audioIndex).time_base(), MICROS)
                        - originMicros;
                if (micros >= clockStart) {
                    sound.push(frame, micros);
                }
            } finally {
                frame.unref();
            }
        }
    }

    private void throwIfFailed() {
        if (ladder != null) {
            ladder.throwIfFailed();
        }
    }

    private void finish() throws InterruptedException {
        if (ladder == null) {
            return;
        }
        if (!stopped.getAsBoolean()) {
            ladder.finish();
            sound.finish();
        }
        endOutputs();
    }

    private void endOutputs() {
        if (begun && !ended) {
            ended = true;
            distribution.end();
        }
    }

    @Override
    public void close() {
        try {
            // Outputs read the run's codec parameters until their end(): end first, then free.
            endOutputs();
        } finally {
            closer.close();
        }
    }

    /** Where the pipeline clock got to, also when the run failed half way. */
    long clockEnd() {
        return lastMicros == Long.MIN_VALUE ? clockStart : lastMicros + frameMicros;
    }

    /** The plans of this run (empty before the first picture). */
    java.util.List<RungPlan> plans() {
        return ladder == null ? java.util.List.of() : ladder.plans();
    }
}
