package io.fleetcast.bridge.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.AudioEncoderSettings;
import io.fleetcast.media.codec.Encoder;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.OutputMedia;
import io.fleetcast.media.log.FfmpegLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test sound: a different sine on each channel, as PCM s16le 48 kHz or AAC ADTS made by FFmpeg. */
final class Tones {
    static final double LEFT_HZ = 440;
    static final double RIGHT_HZ = 660;
    /** FFmpeg's chatter goes to the test log at warning level, not stderr. */
    private static final FfmpegLog FFMPEG_LOG = new FfmpegLog(System.getLogger("ffmpeg"), System.Logger.Level.WARNING);

    private Tones() {
    }

    /** {@code seconds} of LEFT_HZ / RIGHT_HZ at half scale, s16le interleaved, 48 kHz. */
    static byte[] pcm(double seconds) {
        int samples = (int) (seconds * LiveAudio.SAMPLE_RATE);
        byte[] bytes = new byte[samples * 4];
        for (int i = 0; i < samples; i++) {
            put(bytes, i * 4, 0.5 * Math.sin(2 * Math.PI * LEFT_HZ * i / LiveAudio.SAMPLE_RATE));
            put(bytes, i * 4 + 2, 0.5 * Math.sin(2 * Math.PI * RIGHT_HZ * i / LiveAudio.SAMPLE_RATE));
        }
        return bytes;
    }

    /** The float samples of one channel of {@link #pcm} bytes, as the PCM decoder must give them. */
    static float[] channel(byte[] pcm, int channel) {
        float[] samples = new float[pcm.length / 4];
        for (int i = 0; i < samples.length; i++) {
            int at = i * 4 + channel * 2;
            samples[i] = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8)) / 32768f;
        }
        return samples;
    }

    /** {@code seconds} of LEFT_HZ / RIGHT_HZ at half scale and {@code sampleRate}, as AAC in ADTS frames. */
    static byte[] adts(double seconds, int sampleRate, Path dir) {
        Path file = dir.resolve("tone-" + sampleRate + ".aac");
        // sine gives 1/8 of full scale: volume=4 makes it half, like the PCM tone.
        String graphText = "sine=frequency=" + LEFT_HZ + ":sample_rate=" + sampleRate + ":duration=" + seconds + "[l];"
                + "sine=frequency=" + RIGHT_HZ + ":sample_rate=" + sampleRate + ":duration=" + seconds + "[r];"
                + "[l][r]join=inputs=2:channel_layout=stereo,volume=4,aformat=sample_fmts=fltp[out0]";
        try (FilterGraph graph = new FilterGraph(graphText, List.of(), List.of(false), 1);
             Encoder encoder = Encoder.audio(new AudioEncoderSettings("aac", sampleRate, 2, AV_SAMPLE_FMT_FLTP,
                     128_000, false, Map.of()));
             OutputMedia output = new OutputMedia("adts", file.toString());
             Frame frame = new Frame();
             Packet packet = new Packet()) {
            graph.fixFrameSize(0, encoder.frameSize());
            output.addStream(encoder);
            output.begin(Map.of());
            while (graph.pull(0, frame) == Pull.FRAME) {
                while (!encoder.send(frame)) {
                    write(encoder, output, packet);
                }
                frame.unref();
                write(encoder, output, packet);
            }
            encoder.send(null);
            write(encoder, output, packet);
            output.finish();
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Encoder encoder, OutputMedia output, Packet packet) {
        while (encoder.receive(packet) == Pull.FRAME) {
            var from = encoder.av().time_base();
            var to = output.av().streams(0).time_base();
            packet.av().pts(av_rescale_q(packet.av().pts(), from, to));
            packet.av().dts(av_rescale_q(packet.av().dts(), from, to));
            packet.av().duration(av_rescale_q(packet.av().duration(), from, to));
            packet.av().stream_index(0);
            output.write(packet);
        }
    }

    private static void put(byte[] bytes, int at, double value) {
        short sample = (short) Math.round(value * 32767);
        bytes[at] = (byte) sample;
        bytes[at + 1] = (byte) (sample >> 8);
    }
}
