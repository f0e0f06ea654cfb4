package io.fleetcast.bridge.restream;

import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;

import io.fleetcast.bridge.broadcast.Output;
import io.fleetcast.bridge.broadcast.StreamDescription;
import io.fleetcast.bridge.encoder.EncoderOptions;
import io.fleetcast.bridge.ladder.RungPlan;
import io.fleetcast.config.Closer;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.AudioEncoderSettings;
import io.fleetcast.media.codec.CodecParameters;
import io.fleetcast.media.codec.Encoder;
import io.fleetcast.media.codec.VideoEncoderSettings;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.Pull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The bridge's encoders in small: testsrc2 at 320x180 and 160x90 (two rungs) plus a sine,
 * libx264 opened as the ladder opens it (no global header, so SPS/PPS only in band; keyframes
 * forced by the caller on a fixed clock; the bridge's x264 options at ultrafast) and AAC
 * 48 kHz stereo without a global header, as AudioPath opens it. Timestamps start at 10 s, as
 * the pipeline clock does. Packets go to the outputs from one thread, as the output thread
 * hands them.
 */
final class TestBroadcast implements AutoCloseable {
    static final int FPS = 30;
    static final long START_MICROS = 10_000_000;
    private static final Rational VIDEO_TIME_BASE = new Rational(1, 90_000);

    private final Closer closer = new Closer();
    private final FilterGraph graph;
    private final List<Encoder> encoders = new ArrayList<>();
    private final List<StreamDescription> streams = new ArrayList<>();
    private final int gopFrames;
    private final String preset;
    private final long startTicks = START_MICROS * 9 / 100;
    private long frameIndex;
    private long audioSamples;

    TestBroadcast(double gopSeconds, long bitRate) {
        this(gopSeconds, bitRate, "ultrafast");
    }

    /** @param preset the x264 preset (ultrafast codes Constrained Baseline, faster ones CABAC: other SPS) */
    TestBroadcast(double gopSeconds, long bitRate, String preset) {
        this.preset = preset;
        this.gopFrames = (int) Math.round(gopSeconds * FPS);
        graph = closer.add(new FilterGraph("testsrc2=size=320x180:rate=" + FPS + ",format=yuv420p,split[out0][s];"
                + "[s]scale=160:90[out1];"
                + "sine=frequency=440:beep_factor=4:sample_rate=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[out2]",
                List.of(), List.of(true, true, false), 1));
        addRung(new RungPlan("180p", 320, 180, new Rational(FPS, 1), bitRate, bitRate, bitRate * 2, "main"));
        addRung(new RungPlan("90p", 160, 90, new Rational(FPS, 1), bitRate / 2, bitRate / 2, bitRate, "main"));
        Encoder aac = closer.add(Encoder.audio(new AudioEncoderSettings("aac", 48_000, 2, AV_SAMPLE_FMT_FLTP,
                128_000, false, Map.of())));
        graph.fixFrameSize(2, aac.frameSize());
        encoders.add(aac);
        streams.add(new StreamDescription(2, null, closer.add(new CodecParameters(aac)), aac.timeBase()));
    }

    private void addRung(RungPlan plan) {
        Encoder encoder = closer.add(Encoder.video(new VideoEncoderSettings("libx264", plan.width(), plan.height(),
                AV_PIX_FMT_YUV420P, VIDEO_TIME_BASE, plan.frameRate(), plan.bitRate(), plan.maxRate(),
                plan.bufferSize(), gopFrames, 1, false, new EncoderOptions(preset, "p4").forRung("libx264", plan)),
                null));
        encoders.add(encoder);
        streams.add(new StreamDescription(streams.size(), plan, closer.add(new CodecParameters(encoder)),
                encoder.timeBase()));
    }

    List<StreamDescription> streams() {
        return List.copyOf(streams);
    }

    /**
     * One run: begin, {@code seconds} of content written at {@code speed} times real time (0 for
     * as fast as it encodes), end. {@code atSecond} is told each whole content second reached.
     */
    void play(List<? extends Output> outputs, double seconds, double speed, IntConsumer atSecond)
            throws InterruptedException {
        outputs.forEach(output -> output.begin(streams(), false));
        long wallStart = System.nanoTime();
        long frames = Math.round(seconds * FPS);
        try (Frame frame = new Frame(); Packet packet = new Packet()) {
            for (long n = 0; n < frames; n++) {
                if (n % FPS == 0) {
                    atSecond.accept((int) (n / FPS));
                }
                if (speed > 0) {
                    long due = wallStart + Math.round(n * 1e9 / FPS / speed);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                boolean key = frameIndex % gopFrames == 0;
                for (int rung = 0; rung < 2; rung++) {
                    pull(rung, frame);
                    frame.av().pts(startTicks + frameIndex * 3000);
                    frame.av().pict_type(key ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
                    encode(rung, frame, packet, outputs);
                }
                frameIndex++;
                while (audioSamples * FPS < frameIndex * 48_000L) {
                    pull(2, frame);
                    int samples = frame.av().nb_samples();
                    frame.av().pts(START_MICROS * 48 / 1000 + audioSamples);
                    audioSamples += samples;
                    encode(2, frame, packet, outputs);
                }
            }
        }
        outputs.forEach(Output::end);
    }

    private void pull(int sink, Frame frame) {
        if (graph.pull(sink, frame) != Pull.FRAME) {
            throw new IllegalStateException("the test source ran dry on output " + sink);
        }
    }

    private void encode(int index, Frame frame, Packet packet, List<? extends Output> outputs) {
        Encoder encoder = encoders.get(index);
        try {
            while (!encoder.send(frame)) {
                drain(index, packet, outputs);
            }
        } finally {
            frame.unref();
        }
        drain(index, packet, outputs);
    }

    private void drain(int index, Packet packet, List<? extends Output> outputs) {
        Encoder encoder = encoders.get(index);
        StreamDescription stream = streams.get(index);
        while (encoder.receive(packet) == Pull.FRAME) {
            for (Output output : outputs) {
                output.write(stream, packet);
            }
            packet.unref();
        }
    }

    @Override
    public void close() {
        closer.close();
    }
}
