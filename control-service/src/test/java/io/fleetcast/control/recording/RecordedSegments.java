package io.fleetcast.control.recording;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.format.InputMedia;
import io.fleetcast.media.format.OutputMedia;
import io.fleetcast.media.source.SyntheticSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * fMP4 segments laid out as MediaMTX records them: {@code <root>/robot_<id>/<start as
 * %Y-%m-%d_%H-%M-%S-%f>.mp4}, each an initialization section (ftyp + moov) followed by
 * fragments (moof + mdat), cut at key frames every {@value #SECONDS} s from one FFmpeg-encoded
 * stream (H.264 test pattern).
 */
public final class RecordedSegments {
    public static final double SECONDS = 2.0;
    private static final int FPS = 15;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss-SSSSSS")
            .withZone(ZoneOffset.UTC);

    /** One recorded file: where, when it starts, and how long it plays. */
    public record Recorded(Path file, Instant start, double seconds) {
    }

    private RecordedSegments() {
    }

    /** One segment per start time, in {@code root/path/}. */
    public static List<Recorded> write(Path root, String path, List<Instant> starts) throws IOException {
        Path dir = Files.createDirectories(root.resolve(path));
        Path source = Files.createTempFile("fleetcast-recording-source", ".ts");
        try {
            new SyntheticSource(320, 180, FPS, SECONDS * starts.size(), false, 300_000, "ultrafast").writeTo(source);
            return split(source, dir, starts);
        } finally {
            Files.deleteIfExists(source);
        }
    }

    private static List<Recorded> split(Path source, Path dir, List<Instant> starts) {
        List<Recorded> written = new ArrayList<>();
        try (InputMedia input = new InputMedia(source.toString(), Map.of(), () -> false); Packet packet = new Packet()) {
            int video = input.bestStream(AVMEDIA_TYPE_VIDEO);
            Rational timeBase = Rational.of(input.stream(video).time_base());
            OutputMedia output = null;
            long first = 0;
            long last = 0;
            int index = -1;
            try {
                while (input.read(packet)) {
                    if (packet.av().stream_index() != video) {
                        packet.unref();
                        continue;
                    }
                    boolean key = (packet.av().flags() & AV_PKT_FLAG_KEY) != 0;
                    double at = (packet.av().pts() - (index < 0 ? packet.av().pts() : first)) * timeBase.value();
                    if (index < 0 || (key && at >= SECONDS - 0.01 && index + 1 < starts.size())) {
                        if (output != null) {
                            output.close();
                            written.add(new Recorded(file(dir, starts.get(index)), starts.get(index),
                                    (last - first) * timeBase.value()));
                        }
                        index++;
                        first = packet.av().pts();
                        output = new OutputMedia("mp4", file(dir, starts.get(index)).toString());
                        output.addStream(input.stream(video).codecpar(), timeBase);
                        output.begin(Map.of("movflags", "frag_keyframe+empty_moov+default_base_moof"));
                    }
                    long frame = Math.round(1.0 / FPS / timeBase.value());
                    last = packet.av().pts() + (packet.av().duration() > 0 ? packet.av().duration() : frame);
                    packet.av().stream_index(0);
                    av_packet_rescale_ts(packet.av(), timeBase.av(), output.timeBase(0).av());
                    output.write(packet);
                }
                output.close();
                written.add(new Recorded(file(dir, starts.get(index)), starts.get(index), (last - first) * timeBase.value()));
            } finally {
                if (output != null) {
                    output.close();
                }
            }
        }
        if (written.size() != starts.size()) {
            throw new IllegalStateException("made " + written.size() + " segments, wanted " + starts.size());
        }
        return written;
    }

    private static Path file(Path dir, Instant start) {
        return dir.resolve(NAME.format(start) + ".mp4");
    }
}
