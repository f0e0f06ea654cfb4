package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.fleetcast.bridge.metrics.MetricsRecorder;
import io.fleetcast.config.Closer;
import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.codec.HardwareDevice;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.InputMedia;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * One connection of the input, from open to end: demux, decode once, hand every decoded
 * picture and sound to the {@link Program}, its timestamps mapped onto the broadcast's
 * timeline by a {@link SourceClock} (re-based after the slate and when the source's clock
 * jumps). Runs on the ingest thread.
 */
final class Run implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Run.class.getName());
    private static final AVRational MICROS = av_make_q(1, 1_000_000);

    private final InputMedia input;
    private final Stage stage;
    private final MetricsRecorder metrics;
    private final HardwareDevice device;
    private final BooleanSupplier stopped;
    private final SourceClock clock = new SourceClock();
    private final Closer closer = new Closer();
    private Decoder video;
    private Decoder audio;
    private int videoIndex;
    private int audioIndex;
    private boolean decodeChecked;

    Run(InputMedia input, Stage stage, MetricsRecorder metrics, HardwareDevice device, BooleanSupplier stopped) {
        this.input = input;
        this.stage = stage;
        this.metrics = metrics;
        this.device = device;
        this.stopped = stopped;
    }

    /** Reads the input to its end (or a stop). */
    void execute() throws InterruptedException {
        videoIndex = input.bestStream(AVMEDIA_TYPE_VIDEO);
        if (videoIndex < 0) {
            throw new MediaException("input " + input.name() + " has no video stream");
        }
        audioIndex = input.bestStream(AVMEDIA_TYPE_AUDIO);
        video = closer.add(new Decoder(input.stream(videoIndex), device, stage.live()));
        if (audioIndex >= 0) {
            audio = closer.add(new Decoder(input.stream(audioIndex), null));
        }
        Rational rate = frameRate(input.av(), input.stream(videoIndex));
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
        stage.sourceEnded(stopped.getAsBoolean());
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
        metrics.inputFrame();
        if (device != null && !decodeChecked) {
            decodeChecked = true;
            // FFmpeg falls back to its software decoder when NVDEC does not take the stream.
            boolean onGpu = frame.av().hw_frames_ctx() != null && !frame.av().hw_frames_ctx().isNull();
            String why = onGpu ? null : "NVDEC does not decode this " + avcodec_get_name(video.av().codec_id())
                    .getString() + " stream; FFmpeg decodes it in memory";
            metrics.decodedInMemory(why);
            if (!onGpu) {
                LOG.log(Level.WARNING, "input {0}: {1}", input.name(), why);
            }
        }
        Program program = stage.program(frame, rate);
        if (stage.sourcePicture(frame)) {
            clock.rebaseNext(); // the slate had the timeline meanwhile
        }
        long next = program.next(stage.clockStart());
        int rebases = clock.rebases();
        long micros = pts == AV_NOPTS_VALUE ? next
                : clock.video(av_rescale_q(pts, input.stream(videoIndex).time_base(), MICROS), next);
        if (clock.rebases() > rebases) {
            metrics.rebased();
        }
        program.picture(frame, micros, audio != null);
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
                Program program = stage.current();
                long micros = pts == AV_NOPTS_VALUE ? Long.MIN_VALUE
                        : clock.audio(av_rescale_q(pts, input.stream(audioIndex).time_base(), MICROS));
                if (program != null && micros != Long.MIN_VALUE && !stage.filling()) {
                    program.sound(frame, micros);
                }
            } finally {
                frame.unref();
            }
        }
    }

    private void throwIfFailed() {
        Program program = stage.current();
        if (program != null) {
            program.throwIfFailed();
        }
    }

    @Override
    public void close() {
        Program program = stage.current();
        if (program != null) {
            program.soundEnded();
        }
        closer.close();
    }
}
