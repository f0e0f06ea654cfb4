package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_describe;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;

import io.fleetcast.bridge.audio.AudioMix;
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
import org.bytedeco.javacpp.FloatPointer;

/**
 * The one sound track every rung shares, AAC 48 kHz stereo encoded once, kept for the whole
 * broadcast. Source sound is resampled (a resampler per source format, built from the first
 * decoded sound: a short input probe may not have learnt the format); wherever the timeline
 * has no source sound (a source without any, the slate, {@code AUDIO_SOURCE=silent}) silence
 * from an {@code anullsrc} filter fills in, pulled only as far as the pictures have got so it
 * never runs ahead of them. Its timestamps are contiguous: sound that arrives for time already
 * filled is dropped, a gap is filled with silence. Live sound from outside ({@link LiveSound})
 * is added over every frame the track gets, or takes the source's place.
 */
final class AudioPath implements AutoCloseable {
    static final int SAMPLE_RATE = 48_000;
    private static final String TO_AAC = "aresample=" + SAMPLE_RATE
            + ",aformat=sample_fmts=fltp:channel_layouts=stereo";
    /** A gap in the source's sound longer than this (samples) is filled with silence. */
    private static final long MAX_GAP = SAMPLE_RATE / 20;

    private final boolean sourceSound;
    private final LiveSound live;
    private final float[] left;
    private final float[] right;
    private final float[] liveLeft;
    private final float[] liveRight;
    private final Encoder encoder;
    private final CodecParameters parameters;
    private final Distribution distribution;
    private final FilterGraph silence;
    private final Frame frame = new Frame();
    private final Frame quiet = new Frame();
    private final Packet packet = new Packet();
    private FilterGraph resampler;
    private String resamplerFormat;
    private int inputRate;
    private StreamDescription stream;
    /** The next sample of the track, in samples of the timeline; -1 before the first. */
    private long next = -1;

    /**
     * @param sourceSound whether the source's sound is used (false: silence throughout)
     * @param live        sound from outside mixed over the source's or in its place, or null
     */
    AudioPath(long bitRate, boolean sourceSound, LiveSound live, Distribution distribution) {
        this.sourceSound = sourceSound && (live == null || live.keepsSource());
        this.live = live;
        this.distribution = distribution;
        Encoder opened = null;
        CodecParameters described = null;
        FilterGraph quietGraph = null;
        try {
            opened = Encoder.audio(new AudioEncoderSettings("aac", SAMPLE_RATE, 2, AV_SAMPLE_FMT_FLTP, bitRate,
                    false, Map.of()));
            described = new CodecParameters(opened);
            quietGraph = new FilterGraph("anullsrc=r=" + SAMPLE_RATE + ":cl=stereo,aformat=sample_fmts=fltp[out0]",
                    List.of(), List.of(false), 1);
            quietGraph.fixFrameSize(0, opened.frameSize());
        } catch (RuntimeException e) {
            if (quietGraph != null) {
                quietGraph.close();
            }
            if (described != null) {
                described.close();
            }
            if (opened != null) {
                opened.close();
            }
            close();
            throw e;
        }
        this.encoder = opened;
        this.parameters = described;
        this.silence = quietGraph;
        int samples = opened.frameSize();
        left = new float[samples];
        right = new float[samples];
        liveLeft = new float[samples];
        liveRight = new float[samples];
    }

    private static String describe(AVFrame decoded) {
        try (BytePointer text = new BytePointer(64)) {
            AvCall.check("av_channel_layout_describe", av_channel_layout_describe(decoded.ch_layout(), text, 64));
            return decoded.sample_rate() + ":" + av_get_sample_fmt_name(decoded.format()).getString() + ":"
                    + text.limit(0).getString();
        }
    }

    StreamDescription describe(int index) {
        stream = new StreamDescription(index, null, parameters, encoder.timeBase());
        return stream;
    }

    /** A decoded source frame at {@code micros} of the timeline. */
    void push(Frame decoded, long micros) {
        if (!sourceSound) {
            return;
        }
        String format = describe(decoded.av());
        if (!format.equals(resamplerFormat)) {
            endSource();
            String[] parts = format.split(":", 3);
            inputRate = decoded.av().sample_rate();
            resampler = new FilterGraph("[in0]" + TO_AAC + "[out0]", List.of(new GraphInput.Audio(inputRate,
                    parts[1], parts[2], new Rational(1, inputRate))), List.of(false), 1);
            resampler.fixFrameSize(0, encoder.frameSize());
            resamplerFormat = format;
        }
        decoded.av().pts(Math.round(micros * (double) inputRate / 1_000_000));
        resampler.push(0, decoded);
        pullSource();
    }

    /** The source's connection ended: what its resampler holds is encoded, the next builds a new one. */
    void endSource() {
        if (resampler != null) {
            resampler.endInput(0);
            pullSource();
            resampler.close();
            resampler = null;
            resamplerFormat = null;
        }
    }

    /** Silence up to {@code micros} of the timeline wherever no sound has been encoded. */
    void fillUntil(long micros) {
        long until = micros * SAMPLE_RATE / 1_000_000;
        if (next < 0) {
            next = until;
        }
        while (next + encoder.frameSize() <= until) {
            if (silence.pull(0, quiet) != Pull.FRAME) {
                return;
            }
            encodeAtNext(quiet, false);
        }
    }

    /** Flushes the encoder at the end of the broadcast. */
    void finish() {
        endSource();
        encoder.send(null);
        drain();
    }

    private void pullSource() {
        while (resampler.pull(0, frame) == Pull.FRAME) {
            long start = frame.av().pts();
            if (next < 0) {
                next = start;
            }
            if (start + frame.av().nb_samples() / 2 < next) {
                frame.unref(); // time the track already has (silence filled it)
                continue;
            }
            if (start > next + MAX_GAP) {
                fillUntil(start * 1_000_000 / SAMPLE_RATE);
            }
            encodeAtNext(frame, true);
        }
    }

    /** @param fromSource whether {@code filtered} is the source's sound (else silence) */
    private void encodeAtNext(Frame filtered, boolean fromSource) {
        try {
            if (live != null) {
                addLive(filtered, fromSource ? live.mix() : AudioMix.REPLACE);
            }
            filtered.av().pts(next);
            next += filtered.av().nb_samples();
            while (!encoder.send(filtered)) {
                drain();
            }
        } finally {
            filtered.unref();
        }
        drain();
    }

    /** The next samples of the live sound, over or in place of {@code frame}'s (fltp stereo). */
    private void addLive(Frame frame, AudioMix mix) {
        AVFrame av = frame.av();
        int samples = Math.min(av.nb_samples(), left.length);
        live.audio().read(liveLeft, liveRight, samples);
        AvCall.check("av_frame_make_writable", av_frame_make_writable(av));
        FloatPointer leftPlane = new FloatPointer(av.data(0));
        FloatPointer rightPlane = new FloatPointer(av.data(1));
        leftPlane.get(left, 0, samples);
        rightPlane.get(right, 0, samples);
        mix.apply(left, liveLeft, samples);
        mix.apply(right, liveRight, samples);
        leftPlane.put(left, 0, samples);
        rightPlane.put(right, 0, samples);
    }

    private void drain() {
        while (encoder.receive(packet) == Pull.FRAME) {
            distribution.write(stream, packet.moveOut());
        }
    }

    @Override
    public void close() {
        packet.close();
        quiet.close();
        frame.close();
        if (resampler != null) {
            resampler.close();
        }
        if (silence != null) {
            silence.close();
        }
        if (parameters != null) {
            parameters.close();
        }
        if (encoder != null) {
            encoder.close();
        }
    }
}
