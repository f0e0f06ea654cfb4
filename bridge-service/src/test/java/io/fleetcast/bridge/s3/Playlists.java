package io.fleetcast.bridge.s3;

import java.util.Arrays;
import java.util.List;

/** Reads back what the tests need of a playlist's text. */
final class Playlists {
    private Playlists() {
    }

    /** The URIs it lists (segments, or the media playlists of a master). */
    static List<String> uris(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    /** EXT-X-MEDIA-SEQUENCE, or -1 for a master playlist. */
    static long mediaSequence(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith("#EXT-X-MEDIA-SEQUENCE:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1))).findFirst().orElse(-1);
    }

    /** The URIs that follow an EXT-X-DISCONTINUITY tag. */
    static List<String> afterDiscontinuity(String text) {
        List<String> lines = Arrays.asList(text.split("\n"));
        return java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).equals("#EXT-X-DISCONTINUITY"))
                .mapToObj(i -> lines.get(i + 2)).toList();
    }
}
