package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_describe;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.AudioEncoderSettings;
import io.fleetcast.media.codec.CodecParameters;
import io.fleetcast.media.codec.Encoder;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.GraphInput;
import io.fleetcast.media.filter.Pull;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * The one audio track every rung shares: the source's audio resampled to AAC 48 kHz stereo,
 * or, when the source has none, silence from an {@code anullsrc} filter pulled only as far
 * as the video has got, so it can never run ahead of (or stall) the pictures. Encoded once
 * for all rungs. Timestamps are microseconds of the pipeline clock. The source's resampler is
 * built from the first decoded sound: a short input probe may not have learnt the format, and
 * the decoder's output is what the resampler really gets.
 */
final class AudioPath implements AutoCloseable {
    static final int SAMPLE_RATE = 48_000;
    private static final String TO_AAC = "aresample=" + SAMPLE_RATE
            + ",aformat=sample_fmts=fltp:channel_layouts=stereo";

    private final boolean silent;
    private final Encoder encoder;
    private final CodecParameters parameters;
    private final Distribution distribution;
    private final Frame frame = new Frame();
    private final Packet packet = new Packet();
    private FilterGraph graph;
    private int inputRate;
    private StreamDescription stream;
    private long silenceOffset = -1;
    private long silenceSamples;

    /** @param graph the silence source, or null for a source's resampler (built on the first sound) */
    private AudioPath(FilterGraph graph, long bitRate, Distribution distribution) {
        this.silent = graph != null;
        this.inputRate = SAMPLE_RATE;
        this.graph = graph;
        this.distribution = distribution;
        Encoder opened = null;
        try {
            opened = Encoder.audio(new AudioEncoderSettings("aac", SAMPLE_RATE, 2, AV_SAMPLE_FMT_FLTP, bitRate,
                    false, Map.of()));
            if (graph != null) {
                graph.fixFrameSize(0, opened.frameSize());
            }
            this.encoder = opened;
            this.parameters = new CodecParameters(opened);
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            close();
            throw e;
        }
    }

    /** Audio from the source's decoder. */
    static AudioPath fromSource(long bitRate, Distribution distribution) {
        return new AudioPath(null, bitRate, distribution);
    }

    private static FilterGraph resampler(AVFrame decoded) {
        String layout;
        try (BytePointer text = new BytePointer(64)) {
            AvCall.check("av_channel_layout_describe", av_channel_layout_describe(decoded.ch_layout(), text, 64));
            layout = text.limit(0).getString();
        }
        String format = av_get_sample_fmt_name(decoded.format()).getString();
        int rate = decoded.sample_rate();
        return new FilterGraph("[in0]" + TO_AAC + "[out0]",
                List.of(new GraphInput.Audio(rate, format, layout, new Rational(1, rate))), List.of(false), 1);
    }

    /** Silence, for sources without audio (players and YouTube want an audio track). */
    static AudioPath silence(long bitRate, Distribution distribution) {
        FilterGraph graph = new FilterGraph("anullsrc=r=" + SAMPLE_RATE + ":cl=stereo,aformat=sample_fmts=fltp[out0]",
                List.of(), List.of(false), 1);
        return new AudioPath(graph, bitRate, distribution);
    }

    StreamDescription describe(int index) {
        stream = new StreamDescription(index, null, parameters, encoder.timeBase());
        return stream;
    }

    boolean isSilent() {
        return silent;
    }

    /** A decoded source frame whose pts was already set to pipeline microseconds. */
    void push(Frame decoded, long micros) {
        if (graph == null) {
            graph = resampler(decoded.av());
            graph.fixFrameSize(0, encoder.frameSize());
            inputRate = decoded.av().sample_rate();
        }
        decoded.av().pts(Math.round(micros * (double) inputRate / 1_000_000));
        graph.push(0, decoded);
        pullAndEncode();
    }

    /** For silent sources: produce silence up to {@code micros} of the pipeline clock. */
    void fillUntil(long micros) {
        if (!silent) {
            return;
        }
        if (silenceOffset < 0) {
            silenceOffset = micros;
        }
        while (silenceOffset + silenceSamples * 1_000_000L / SAMPLE_RATE <= micros) {
            if (graph.pull(0, frame) != Pull.FRAME) {
                return;
            }
            long samples = frame.av().nb_samples();
            frame.av().pts(silenceOffset * SAMPLE_RATE / 1_000_000 + silenceSamples);
            silenceSamples += samples;
            encode(frame);
        }
    }

    /** Flushes the resampler and the encoder at the end of a run. */
    void finish() {
        if (!silent && graph != null) {
            graph.endInput(0);
            pullAndEncode();
        }
        encoder.send(null);
        drain();
    }

    private void pullAndEncode() {
        while (graph.pull(0, frame) == Pull.FRAME) {
            encode(frame);
        }
    }

    private void encode(Frame filtered) {
        try {
            while (!encoder.send(filtered)) {
                drain();
            }
        } finally {
            filtered.unref();
        }
        drain();
    }

    private void drain() {
        while (encoder.receive(packet) == Pull.FRAME) {
            distribution.write(stream, packet.moveOut());
        }
    }

    @Override
    public void close() {
        packet.close();
        frame.close();
        if (parameters != null) {
            parameters.close();
        }
        if (encoder != null) {
            encoder.close();
        }
        if (graph != null) {
            graph.close();
        }
    }
}
