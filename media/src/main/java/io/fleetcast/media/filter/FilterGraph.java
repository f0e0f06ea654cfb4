package io.fleetcast.media.filter;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_h;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_hw_frames_ctx;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_format;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame_rate;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_time_base;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_w;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_set_frame_size;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_parameters_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_parameters_set;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Rational;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avfilter.AVBufferSrcParameters;
import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;

/**
 * Owns one configured AVFilterGraph built from a description in FFmpeg's filter syntax,
 * whose open inputs are labelled {@code [in0] [in1] ...} and open outputs
 * {@code [out0] [out1] ...} (filtering_video.c, generalised to many inputs and outputs).
 * Used from one thread at a time.
 */
public final class FilterGraph implements AutoCloseable {
    private static final int KEEP_REF = 8;

    private final String description;
    private AVFilterGraph graph;
    private final List<AVFilterContext> sources = new ArrayList<>();
    private final List<AVFilterContext> sinks = new ArrayList<>();

    /**
     * @param outputs one entry per {@code [outN]}: true for video, false for audio
     * @param threads filter threads (0 lets FFmpeg choose)
     */
    public FilterGraph(String description, List<GraphInput> inputs, List<Boolean> outputs, int threads) {
        this.description = description;
        graph = AvCall.allocated("avfilter_graph_alloc", avfilter_graph_alloc());
        try {
            graph.nb_threads(threads);
            for (int i = 0; i < inputs.size(); i++) {
                sources.add(createSource("in" + i, inputs.get(i)));
            }
            for (int i = 0; i < outputs.size(); i++) {
                sinks.add(create(outputs.get(i) ? "buffersink" : "abuffersink", "out" + i, null));
            }
            parse();
            AvCall.check("avfilter_graph_config", description, avfilter_graph_config(graph, null));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Audio encoders such as AAC need fixed-size frames: make output {@code sink} deliver them. */
    public void fixFrameSize(int sink, int samples) {
        av_buffersink_set_frame_size(sinks.get(sink), samples);
    }

    /** Feeds a frame to input {@code source}; the caller keeps its own reference. */
    public void push(int source, Frame frame) {
        AvCall.check("av_buffersrc_add_frame", description,
                av_buffersrc_add_frame_flags(sources.get(source), frame.av(), KEEP_REF));
    }

    /** Tells input {@code source} that no more frames come, so the outputs can drain. */
    public void endInput(int source) {
        AvCall.check("av_buffersrc_add_frame(end)", description,
                av_buffersrc_add_frame_flags(sources.get(source), null, 0));
    }

    /** Takes the next frame of output {@code sink} into {@code into} (which must be empty). */
    public Pull pull(int sink, Frame into) {
        int code = av_buffersink_get_frame(sinks.get(sink), into.av());
        if (code == AvCall.AGAIN) {
            return Pull.AGAIN;
        }
        if (code == AvCall.EOF) {
            return Pull.END;
        }
        AvCall.check("av_buffersink_get_frame", description, code);
        return Pull.FRAME;
    }

    public int width(int sink) {
        return av_buffersink_get_w(sinks.get(sink));
    }

    public int height(int sink) {
        return av_buffersink_get_h(sinks.get(sink));
    }

    public int format(int sink) {
        return av_buffersink_get_format(sinks.get(sink));
    }

    public Rational timeBase(int sink) {
        return Rational.of(av_buffersink_get_time_base(sinks.get(sink)));
    }

    public Rational frameRate(int sink) {
        var rate = av_buffersink_get_frame_rate(sinks.get(sink));
        return rate.num() <= 0 || rate.den() <= 0 ? new Rational(0, 1) : Rational.of(rate);
    }

    /** The GPU frame pool of output {@code sink}, or null when its frames are in memory. */
    public AVBufferRef hardwareFrames(int sink) {
        AVBufferRef ref = av_buffersink_get_hw_frames_ctx(sinks.get(sink));
        return ref == null || ref.isNull() ? null : ref;
    }

    @Override
    public void close() {
        if (graph != null) {
            avfilter_graph_free(graph);
            graph = null;
            sources.clear();
            sinks.clear();
        }
    }

    private AVFilterContext createSource(String name, GraphInput input) {
        boolean video = input instanceof GraphInput.Video;
        AVFilterContext source = create(video ? "buffer" : "abuffer", name, input.bufferArgs());
        if (input instanceof GraphInput.Video v && v.hardwareFrames() != null) {
            AVBufferSrcParameters parameters = AvCall.allocated("av_buffersrc_parameters_alloc",
                    av_buffersrc_parameters_alloc());
            try {
                parameters.hw_frames_ctx(av_buffer_ref(v.hardwareFrames()));
                AvCall.check("av_buffersrc_parameters_set", av_buffersrc_parameters_set(source, parameters));
            } finally {
                av_free(parameters);
            }
        }
        return source;
    }

    private AVFilterContext create(String filter, String name, String args) {
        AVFilterContext context = new AVFilterContext(null);
        var definition = avfilter_get_by_name(filter);
        if (definition == null || definition.isNull()) {
            throw new MediaException("filter " + filter + " is not in this FFmpeg build");
        }
        AvCall.check("avfilter_graph_create_filter", filter + " " + (args == null ? "" : args),
                avfilter_graph_create_filter(context, definition, name, args, null, graph));
        return context;
    }

    private void parse() {
        // Open outputs of our sources feed the description's [inN]; its [outN] feed our sinks.
        AVFilterInOut open = chain(sources, "in");
        AVFilterInOut wanted = chain(sinks, "out");
        try {
            AvCall.check("avfilter_graph_parse_ptr", description,
                    avfilter_graph_parse_ptr(graph, description, wanted, open, null));
        } finally {
            if (open != null) {
                avfilter_inout_free(open);
            }
            if (wanted != null) {
                avfilter_inout_free(wanted);
            }
        }
    }

    private static AVFilterInOut chain(List<AVFilterContext> filters, String prefix) {
        AVFilterInOut head = null;
        for (int i = filters.size() - 1; i >= 0; i--) {
            AVFilterInOut item = AvCall.allocated("avfilter_inout_alloc", avfilter_inout_alloc());
            item.name(av_strdup(new org.bytedeco.javacpp.BytePointer(prefix + i)));
            item.filter_ctx(filters.get(i));
            item.pad_idx(0);
            item.next(head);
            head = item;
        }
        return head;
    }
}
