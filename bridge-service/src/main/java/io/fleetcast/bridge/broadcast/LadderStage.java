package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.fleetcast.bridge.ladder.LadderGraph;
import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.config.Closer;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.CodecParameters;
import io.fleetcast.media.codec.Encoder;
import io.fleetcast.media.codec.VideoEncoderSettings;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.GraphInput;
import io.fleetcast.media.filter.Pull;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVHWFramesContext;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * The video half of a run: one filter graph that splits the decoded picture and scales it
 * to every rung, then one {@link RungEncoder} per rung. Built from the first decoded
 * picture, whose size, format and (on the GPU) frame pool the graph must match. With NVENC the
 * ladder scales on the GPU; otherwise in memory, NVDEC's pictures downloaded at its head.
 */
final class LadderStage implements AutoCloseable {
    private static final Logger LOG = System.getLogger(LadderStage.class.getName());
    private static final AVRational MICROS = av_make_q(1, 1_000_000);
    private static final Rational GRAPH_TIME_BASE = new Rational(1, 90_000);
    private static final AVRational GRAPH_TICKS = GRAPH_TIME_BASE.av();
    /**
     * Frames waiting per rung: a file keeps the encoders busy; live keeps the backlog short but
     * long enough (a fifth of a second at 30 fps) that a keyframe's longer encode does not make
     * every rung drop pictures.
     */
    private static final int FILE_QUEUE_FRAMES = 8;
    private static final int LIVE_QUEUE_FRAMES = 6;

    private final List<RungPlan> plans;
    private final Rational sourceRate;
    private final String fpsCap;
    private final boolean gpu;
    private final int cudaDevice;
    private final List<RungEncoder> encoders = new ArrayList<>();
    private final List<StreamDescription> streams = new ArrayList<>();
    private final Closer closer = new Closer();
    private final Frame scaled = new Frame();
    private FilterGraph graph;
    private GraphInput.Video input;
    private boolean finished;

    private LadderStage(List<RungPlan> plans, Rational sourceRate, String fpsCap, boolean gpu, int cudaDevice) {
        this.plans = plans;
        this.sourceRate = sourceRate;
        this.fpsCap = fpsCap;
        this.gpu = gpu;
        this.cudaDevice = cudaDevice;
    }

    /** The rungs are planned from the first picture; later pictures of any size are scaled to them. */
    static LadderStage open(RunSettings settings, Frame first, Rational sourceRate, long clockStart,
                            Distribution distribution, boolean live) {
        var picture = first.av();
        List<RungPlan> plans = settings.ladder().plan(picture.width(), picture.height(), aspect(picture), sourceRate);
        Rational fps = plans.get(0).frameRate();
        String cap = sourceRate.num() > 0 && fps.value() < sourceRate.value() - 1e-6 ? fps.toString() : null;
        LadderStage stage = new LadderStage(plans, sourceRate, cap, settings.gpu(), settings.cudaDevice());
        try {
            stage.retarget(picture);
            stage.startEncoders(settings, fps, clockStart, distribution, live ? LIVE_QUEUE_FRAMES : FILE_QUEUE_FRAMES);
        } catch (RuntimeException e) {
            stage.close();
            throw e;
        }
        return stage;
    }

    private static Rational aspect(AVFrame picture) {
        return picture.sample_aspect_ratio().num() > 0 ? Rational.of(picture.sample_aspect_ratio()) : new Rational(1, 1);
    }

    /**
     * Builds the scaling graph for pictures like {@code picture} unless the current one takes
     * them: a reconnected source may change size or format, and the slate is a picture of its own.
     */
    private void retarget(AVFrame picture) {
        AVBufferRef frames = picture.hw_frames_ctx() != null && !picture.hw_frames_ctx().isNull()
                ? picture.hw_frames_ctx() : null;
        GraphInput.Video wanted = new GraphInput.Video(picture.width(), picture.height(), picture.format(),
                GRAPH_TIME_BASE, sourceRate.num() > 0 ? sourceRate : null, aspect(picture), frames);
        if (input != null && sameShape(input, wanted)) {
            return;
        }
        String transfer = LadderGraph.transfer(gpu, frames == null ? null : poolFormat(frames), cudaDevice);
        String description = LadderGraph.describe(plans, gpu, fpsCap, transfer);
        FilterGraph built = new FilterGraph(description, List.of(wanted), Collections.nCopies(plans.size(), true), 1);
        if (graph != null) {
            graph.close();
        }
        graph = built;
        input = wanted;
        LOG.log(Level.INFO, "ladder graph {0} for {1}x{2}", description, picture.width(), picture.height());
    }

    /** The memory format of a GPU frame pool's pictures (nv12 for NVDEC's 8-bit 4:2:0). */
    private static String poolFormat(AVBufferRef frames) {
        return av_get_pix_fmt_name(new AVHWFramesContext(frames.data()).sw_format()).getString();
    }

    private static boolean sameShape(GraphInput.Video a, GraphInput.Video b) {
        boolean sameFrames = a.hardwareFrames() == null ? b.hardwareFrames() == null
                : b.hardwareFrames() != null && a.hardwareFrames().data().address() == b.hardwareFrames().data().address();
        return a.width() == b.width() && a.height() == b.height() && a.pixelFormat() == b.pixelFormat()
                && a.sampleAspect().equals(b.sampleAspect()) && sameFrames;
    }

    private void startEncoders(RunSettings settings, Rational fps, long clockStart, Distribution distribution,
                               int queueFrames) {
        int threads = settings.threadsPerRung(plans.size(), Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < plans.size(); i++) {
            RungPlan plan = plans.get(i);
            Rational timeBase = graph.timeBase(i);
            int gopFrames = (int) Math.max(1, Math.round(settings.gopSeconds() * fps.value()));
            VideoEncoderSettings encoderSettings = new VideoEncoderSettings(settings.encoder(), graph.width(i),
                    graph.height(i), graph.format(i), timeBase, fps, plan.bitRate(), plan.maxRate(),
                    plan.bufferSize(), gopFrames, threads, false,
                    settings.encoderOptions().forRung(settings.encoder(), plan));
            Encoder encoder = closer.add(Encoder.video(encoderSettings, graph.hardwareFrames(i)));
            if (!encoder.unusedOptions().isEmpty()) {
                LOG.log(Level.WARNING, "{0} for {1} ignored options {2}", settings.encoder(), plan.name(),
                        encoder.unusedOptions());
            }
            CodecParameters parameters = closer.add(new CodecParameters(encoder));
            StreamDescription stream = new StreamDescription(i, plan, parameters, encoder.timeBase());
            streams.add(stream);
            long origin = av_rescale_q(clockStart, MICROS, timeBase.av());
            long gop = av_rescale_q(Math.round(settings.gopSeconds() * 1e6), MICROS, timeBase.av());
            encoders.add(closer.add(new RungEncoder(encoder, stream, new KeyframeClock(origin, gop), distribution,
                    queueFrames)));
        }
    }

    List<RungPlan> plans() {
        return plans;
    }

    List<StreamDescription> streams() {
        return List.copyOf(streams);
    }

    boolean hasRoom() {
        for (RungEncoder encoder : encoders) {
            if (!encoder.hasRoom()) {
                return false;
            }
        }
        return true;
    }

    void throwIfFailed() {
        for (RungEncoder encoder : encoders) {
            encoder.throwIfFailed();
        }
    }

    /** Scales one decoded picture (timestamp in pipeline microseconds) for every rung. */
    void push(Frame picture, long micros) throws InterruptedException {
        retarget(picture.av());
        picture.av().pts(av_rescale_q(micros, MICROS, GRAPH_TICKS));
        graph.push(0, picture);
        pullAll();
    }

    void finish() throws InterruptedException {
        if (finished) {
            return;
        }
        finished = true;
        graph.endInput(0);
        pullAll();
        for (RungEncoder encoder : encoders) {
            encoder.finish();
        }
        throwIfFailed();
    }

    private void pullAll() throws InterruptedException {
        for (int i = 0; i < encoders.size(); i++) {
            while (graph.pull(i, scaled) == Pull.FRAME) {
                encoders.get(i).put(scaled.moveOut());
            }
        }
    }

    @Override
    public void close() {
        try {
            closer.close();
        } finally {
            scaled.close();
            if (graph != null) {
                graph.close();
            }
        }
    }
}
