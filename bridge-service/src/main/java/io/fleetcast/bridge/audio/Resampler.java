package io.fleetcast.bridge.audio;

import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_describe;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Rational;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.GraphInput;
import io.fleetcast.media.filter.Pull;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Decoded sound of any rate, layout and sample format to 48 kHz stereo float for a
 * {@link PcmSink} ({@code aresample} + {@code aformat}). The graph is built from the first
 * decoded frame (what the decoder really gives) and rebuilt when the format changes mid-stream.
 */
final class Resampler implements AutoCloseable {
    private static final String TO_STEREO_48K = "aresample=" + LiveAudio.SAMPLE_RATE
            + ",aformat=sample_fmts=fltp:channel_layouts=stereo";

    private final PcmSink sink;
    private final Frame out = new Frame();
    private FilterGraph graph;
    private String inputFormat;
    private long nextPts;
    private float[] left = new float[0];
    private float[] right = new float[0];

    Resampler(PcmSink sink) {
        this.sink = sink;
    }

    /** Resamples {@code decoded} (left as it was) into the sink; returns the samples written. */
    int push(Frame decoded) {
        AVFrame frame = decoded.av();
        String format = describe(frame);
        if (!format.equals(inputFormat)) {
            if (graph != null) {
                graph.close();
                graph = null;
            }
            graph = new FilterGraph("[in0]" + TO_STEREO_48K + "[out0]", List.of(new GraphInput.Audio(
                    frame.sample_rate(), av_get_sample_fmt_name(frame.format()).getString(), layout(frame),
                    new Rational(1, frame.sample_rate()))), List.of(false), 1);
            inputFormat = format;
            nextPts = 0;
        }
        frame.pts(nextPts);
        nextPts += frame.nb_samples();
        graph.push(0, decoded);
        int written = 0;
        while (graph.pull(0, out) == Pull.FRAME) {
            try {
                written += deliver(out.av());
            } finally {
                out.unref();
            }
        }
        return written;
    }

    private int deliver(AVFrame frame) {
        int samples = frame.nb_samples();
        if (left.length < samples) {
            left = new float[samples];
            right = new float[samples];
        }
        new FloatPointer(frame.data(0)).get(left, 0, samples);
        new FloatPointer(frame.data(1)).get(right, 0, samples);
        sink.write(left, right, samples);
        return samples;
    }

    private static String describe(AVFrame frame) {
        return frame.sample_rate() + "/" + frame.format() + "/" + layout(frame);
    }

    private static String layout(AVFrame frame) {
        try (BytePointer text = new BytePointer(64)) {
            AvCall.check("av_channel_layout_describe", av_channel_layout_describe(frame.ch_layout(), text, 64));
            // limit 0: read up to the terminating zero, not the whole (uninitialised) buffer.
            return text.limit(0).getString();
        }
    }

    @Override
    public void close() {
        if (graph != null) {
            graph.close();
            graph = null;
        }
        out.close();
    }
}
