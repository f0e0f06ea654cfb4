package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;

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
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;

/**
 * The one audio track every rung shares: the source's audio resampled to AAC 48 kHz stereo,
 * or, when the source has none, silence from an {@code anullsrc} filter pulled only as far
 * as the video has got, so it can never run ahead of (or stall) the pictures. Encoded once
 * for all rungs. Timestamps are microseconds of the pipeline clock.
 */
final class AudioPath implements AutoCloseable {
    static final int SAMPLE_RATE = 48_000;
    private static final String TO_AAC = "aresample=" + SAMPLE_RATE
            + ",aformat=sample_fmts=fltp:channel_layouts=stereo";

    private final boolean silent;
    private final int inputRate;
    private final FilterGraph graph;
    private final Encoder encoder;
    private final CodecParameters parameters;
    private final Distribution distribution;
    private final Frame frame = new Frame();
    private final Packet packet = new Packet();
    private StreamDescription stream;
    private long silenceOffset = -1;
    private long silenceSamples;

    private AudioPath(boolean silent, int inputRate, FilterGraph graph, long bitRate, Distribution distribution) {
        this.silent = silent;
        this.inputRate = inputRate;
        this.graph = graph;
        this.distribution = distribution;
        Encoder opened = null;
        try {
            opened = Encoder.audio(new AudioEncoderSettings("aac", SAMPLE_RATE, 2, AV_SAMPLE_FMT_FLTP, bitRate,
                    false, Map.of()));
            graph.fixFrameSize(0, opened.frameSize());
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
    static AudioPath fromSource(AVCodecContext decoder, long bitRate, Distribution distribution) {
        String layout;
        try (org.bytedeco.javacpp.BytePointer text = new org.bytedeco.javacpp.BytePointer(64)) {
            io.fleetcast.media.AvCall.check("av_channel_layout_describe",
                    org.bytedeco.ffmpeg.global.avutil.av_channel_layout_describe(decoder.ch_layout(), text, 64));
            layout = text.limit(0).getString();
        }
        String format = av_get_sample_fmt_name(decoder.sample_fmt()).getString();
        int rate = decoder.sample_rate();
        FilterGraph graph = new FilterGraph("[in0]" + TO_AAC + "[out0]",
                List.of(new GraphInput.Audio(rate, format, layout, new Rational(1, rate))), List.of(false), 1);
        return new AudioPath(false, rate, graph, bitRate, distribution);
    }

    /** Silence, for sources without audio (players and YouTube want an audio track). */
    static AudioPath silence(long bitRate, Distribution distribution) {
        FilterGraph graph = new FilterGraph("anullsrc=r=" + SAMPLE_RATE + ":cl=stereo,aformat=sample_fmts=fltp[out0]",
                List.of(), List.of(false), 1);
        return new AudioPath(true, SAMPLE_RATE, graph, bitRate, distribution);
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
        if (!silent) {
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
        graph.close();
    }
}
