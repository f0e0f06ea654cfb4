package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.filter.Pull;
import io.fleetcast.media.format.InputMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the pipeline wrote back with FFmpeg's own demuxer and decoder. */
final class HlsInspector {
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Z-]+)=(\"[^\"]*\"|[^,]*)");

    record Segment(String uri, double listedSeconds, boolean discontinuity, boolean startsWithKeyframe,
                   double firstVideoSeconds, int videoFrames, long videoBytes, int audioPackets,
                   double audioPeak, int width, int height, double firstPictureLuma) {
    }

    record Variant(String uri, Map<String, String> attributes) {
    }

    private HlsInspector() {
    }

    static List<Variant> master(Path file) {
        List<String> lines = lines(file);
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#EXT-X-STREAM-INF:")) {
                Map<String, String> attributes = new LinkedHashMap<>();
                Matcher matcher = ATTRIBUTE.matcher(lines.get(i).substring("#EXT-X-STREAM-INF:".length()));
                while (matcher.find()) {
                    attributes.put(matcher.group(1), matcher.group(2).replace("\"", ""));
                }
                variants.add(new Variant(lines.get(i + 1), attributes));
            }
        }
        return variants;
    }

    static List<Segment> mediaPlaylist(Path playlist) {
        List<String> lines = lines(playlist);
        if (lines.isEmpty() || !lines.get(0).equals("#EXTM3U")) {
            throw new AssertionError(playlist + " is not a playlist");
        }
        List<Segment> segments = new ArrayList<>();
        boolean discontinuity = false;
        double seconds = -1;
        for (String line : lines) {
            if (line.equals("#EXT-X-DISCONTINUITY")) {
                discontinuity = true;
            } else if (line.startsWith("#EXTINF:")) {
                seconds = Double.parseDouble(line.substring(8, line.indexOf(',')));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                segments.add(inspect(playlist.resolveSibling(line), line, seconds, discontinuity));
                discontinuity = false;
            }
        }
        return segments;
    }

    private static Segment inspect(Path file, String uri, double listed, boolean discontinuity) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("playlist lists " + file + " which does not exist");
        }
        try (InputMedia input = new InputMedia(file.toString(), Map.of(), () -> false);
             Packet packet = new Packet(); Frame frame = new Frame()) {
            int video = input.bestStream(AVMEDIA_TYPE_VIDEO);
            int audio = input.bestStream(AVMEDIA_TYPE_AUDIO);
            Decoder audioDecoder = audio >= 0 ? new Decoder(input.stream(audio), null) : null;
            Decoder videoDecoder = new Decoder(input.stream(video), null);
            double luma = Double.NaN;
            int frames = 0;
            int audioPackets = 0;
            long bytes = 0;
            Boolean firstKey = null;
            double first = Double.NaN;
            double peak = 0;
            while (input.read(packet)) {
                if (packet.av().stream_index() == video) {
                    if (firstKey == null) {
                        firstKey = (packet.av().flags() & AV_PKT_FLAG_KEY) != 0;
                    }
                    double pts = packet.av().pts() * io.fleetcast.media.Rational.of(input.stream(video).time_base()).value();
                    first = Double.isNaN(first) ? pts : Math.min(first, pts);
                    frames++;
                    bytes += packet.av().size();
                    if (Double.isNaN(luma)) {
                        videoDecoder.send(packet);
                        if (videoDecoder.receive(frame) == Pull.FRAME) {
                            luma = meanLuma(frame);
                            frame.unref();
                        }
                    }
                } else if (packet.av().stream_index() == audio) {
                    audioPackets++;
                    audioDecoder.send(packet);
                    while (audioDecoder.receive(frame) == Pull.FRAME) {
                        peak = Math.max(peak, peak(frame));
                        frame.unref();
                    }
                }
                packet.unref();
            }
            if (audioDecoder != null) {
                audioDecoder.close();
            }
            videoDecoder.close();
            var parameters = input.stream(video).codecpar();
            return new Segment(uri, listed, discontinuity, firstKey != null && firstKey, first, frames, bytes,
                    audioPackets, peak, parameters.width(), parameters.height(), luma);
        }
    }

    /** Packets FFmpeg's HLS demuxer flags corrupt when it plays the playlist as one stream. */
    static int corruptPackets(Path playlist) {
        int corrupt = 0;
        try (InputMedia input = new InputMedia(playlist.toString(), Map.of(), () -> false); Packet packet = new Packet()) {
            while (input.read(packet)) {
                corrupt += (packet.av().flags() & org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT) != 0 ? 1 : 0;
                packet.unref();
            }
        }
        return corrupt;
    }

    /** Mean of the luma plane (8-bit YUV). */
    static double meanLuma(Frame frame) {
        var picture = frame.av();
        var luma = picture.data(0);
        long sum = 0;
        for (int y = 0; y < picture.height(); y++) {
            for (int x = 0; x < picture.width(); x++) {
                sum += luma.get((long) y * picture.linesize(0) + x) & 0xff;
            }
        }
        return sum / (double) (picture.width() * picture.height());
    }

    /** Largest absolute sample of the first channel (AAC decodes to planar float). */
    private static double peak(Frame frame) {
        var samples = new org.bytedeco.javacpp.FloatPointer(frame.av().extended_data(0));
        double peak = 0;
        for (int i = 0; i < frame.av().nb_samples(); i++) {
            peak = Math.max(peak, Math.abs(samples.get(i)));
        }
        return peak;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
