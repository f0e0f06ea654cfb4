package io.fleetcast.bridge.hls;

import java.util.List;
import java.util.Locale;

/** The master playlist: one EXT-X-STREAM-INF per rung, best first. */
final class MasterPlaylist {
    private MasterPlaylist() {
    }

    static String text(List<Variant> variants) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Variant variant : variants) {
            text.append(String.format(Locale.ROOT,
                    "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,RESOLUTION=%dx%d,FRAME-RATE=%.3f,CODECS=\"%s\"\n",
                    variant.bandwidth(), variant.averageBandwidth(), variant.width(), variant.height(),
                    variant.frameRate(), variant.codecs()));
            text.append(variant.uri()).append('\n');
        }
        return text.toString();
    }
}
