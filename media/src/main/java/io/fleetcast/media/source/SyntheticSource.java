package io.fleetcast.media.source;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.codec.AudioEncoderSettings;
import io.fleetcast.media.codec.Encoder;
import io.fleetcast.media.codec.VideoEncoderSettings;
import io.fleetcast.media.filter.FilterGraph;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.OutputMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a synthetic H.264 (+ AAC) file from FFmpeg's {@code testsrc2} and {@code sine}
 * source filters, with no capture device and no libavdevice: test and benchmark media.
 */
public record SyntheticSource(int width, int height, int fps, double seconds, boolean audio,
                              long videoBitRate, String preset) {
    public SyntheticSource {
        if (width <= 0 || height <= 0 || fps <= 0 || seconds <= 0 || videoBitRate <= 0) {
            throw new IllegalArgumentException("bad synthetic source " + width + "x" + height + "@" + fps
                    + " for " + seconds + " s at " + videoBitRate + " bit/s");
        }
    }

    /** Writes the source to {@code file}; the container follows the extension (.ts, .mp4, .mkv). */
    public void writeTo(Path file) {
        String name = file.toString();
        String format = name.endsWith(".ts") ? "mpegts" : null;
        String graphText = "testsrc2=size=" + width + "x" + height + ":rate=" + fps + ":duration=" + seconds
                + ",format=yuv420p[out0]"
                + (audio ? ";sine=frequency=440:beep_factor=4:sample_rate=48000:duration=" + seconds
                + ",aformat=sample_fmts=fltp:channel_layouts=stereo[out1]" : "");
        List<Boolean> outputs = audio ? List.of(true, false) : List.of(true);
        try (FilterGraph graph = new FilterGraph(graphText, List.of(), outputs, 1);
             Encoder video = Encoder.video(new VideoEncoderSettings("libx264", width, height, AV_PIX_FMT_YUV420P,
                     new Rational(1, fps), new Rational(fps, 1), videoBitRate, 0, 0, fps * 2, 0,
                     format == null, Map.of("preset", preset)), null);
             Encoder sound = audio ? Encoder.audio(new AudioEncoderSettings("aac", 48000, 2,
                     AV_SAMPLE_FMT_FLTP, 128_000, format == null, Map.of())) : null;
             OutputMedia output = new OutputMedia(format, name)) {
            output.addStream(video);
            if (sound != null) {
                graph.fixFrameSize(1, sound.frameSize());
                output.addStream(sound);
            }
            output.begin(Map.of());
            List<Encoder> encoders = new ArrayList<>();
            encoders.add(video);
            if (sound != null) {
                encoders.add(sound);
            }
            pump(graph, encoders, output);
        }
    }

    private static void pump(FilterGraph graph, List<Encoder> encoders, OutputMedia output) {
        boolean[] ended = new boolean[encoders.size()];
        int open = encoders.size();
        try (Frame frame = new Frame(); Packet packet = new Packet()) {
            while (open > 0) {
                for (int sink = 0; sink < encoders.size(); sink++) {
                    if (ended[sink]) {
                        continue;
                    }
                    Pull pulled = graph.pull(sink, frame);
                    Encoder encoder = encoders.get(sink);
                    if (pulled == Pull.FRAME) {
                        // testsrc2 marks every picture as an I-frame, which x264 would obey.
                        frame.av().pict_type(org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE);
                        frame.av().pts(av_rescale_q(frame.av().pts(), graph.timeBase(sink).av(),
                                encoder.timeBase().av()));
                        encoder.send(frame);
                        frame.unref();
                    } else if (pulled == Pull.END) {
                        encoder.send(null);
                        ended[sink] = true;
                        open--;
                    }
                    drain(encoder, sink, packet, output);
                }
            }
        }
    }

    private static void drain(Encoder encoder, int stream, Packet packet, OutputMedia output) {
        while (encoder.receive(packet) == Pull.FRAME) {
            packet.av().stream_index(stream);
            org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts(packet.av(), encoder.timeBase().av(),
                    output.timeBase(stream).av());
            output.write(packet);
        }
    }
}
