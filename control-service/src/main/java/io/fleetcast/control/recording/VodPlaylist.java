package io.fleetcast.control.recording;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An HLS VOD media playlist over recorded fMP4 segments. Each MediaMTX segment carries its own
 * initialization section, so each gets an {@code EXT-X-MAP} (a byte range at the file's start)
 * and a media byte range after it. Each also restarts its timestamps at zero (MediaMTX writes
 * fragment times relative to the segment's start), so every segment after the first follows an
 * {@code EXT-X-DISCONTINUITY}: across a gap, and between back-to-back segments alike. Wall-clock
 * time comes from {@code EXT-X-PROGRAM-DATE-TIME}.
 */
final class VodPlaylist {
    private VodPlaylist() {
    }

    /** {@code ordered} by start, not empty; {@code url} gives each segment's (presigned) URL. */
    static String of(List<Segment> ordered, Function<Segment, URI> url) {
        long target = ordered.stream().mapToLong(s -> (long) Math.ceil(seconds(s))).max().orElse(1);
        StringBuilder out = new StringBuilder(256 + ordered.size() * 900)
                .append("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n")
                .append("#EXT-X-TARGETDURATION:").append(Math.max(1, target)).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n");
        boolean first = true;
        for (Segment segment : ordered) {
            if (!first) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            first = false;
            String address = url.apply(segment).toString();
            out.append("#EXT-X-PROGRAM-DATE-TIME:").append(segment.start()).append('\n')
                    .append("#EXT-X-MAP:URI=\"").append(address).append("\",BYTERANGE=\"")
                    .append(segment.initSize()).append("@0\"\n")
                    .append("#EXTINF:").append(String.format(Locale.ROOT, "%.3f", seconds(segment))).append(",\n")
                    .append("#EXT-X-BYTERANGE:").append(segment.size() - segment.initSize()).append('@')
                    .append(segment.initSize()).append('\n')
                    .append(address).append('\n');
        }
        return out.append("#EXT-X-ENDLIST\n").toString();
    }

    private static double seconds(Segment segment) {
        return segment.duration().toNanos() / 1e9;
    }
}
