package io.fleetcast.bridge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaPlaylistTest {
    @Test
    void slidesTheWindowAndReportsWhatLeft() {
        MediaPlaylist playlist = new MediaPlaylist(2.0, 2);
        playlist.add(new SegmentEntry(0, "seg_0.ts", 2.0, false));
        playlist.add(new SegmentEntry(1, "seg_1.ts", 2.0, false));
        assertThat(playlist.add(new SegmentEntry(2, "seg_2.ts", 1.5, false)))
                .extracting(SegmentEntry::uri).containsExactly("seg_0.ts");
        assertThat(playlist.text()).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:1
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXTINF:2.000000,
                seg_1.ts
                #EXTINF:1.500000,
                seg_2.ts
                """);
    }

    @Test
    void countsDiscontinuitiesThatLeftTheWindow() {
        MediaPlaylist playlist = new MediaPlaylist(2.0, 1);
        playlist.add(new SegmentEntry(0, "seg_0.ts", 2.0, false));
        playlist.add(new SegmentEntry(1, "seg_1.ts", 2.0, true));
        assertThat(playlist.text()).contains("#EXT-X-DISCONTINUITY\n#EXTINF:2.000000,\nseg_1.ts")
                .doesNotContain("DISCONTINUITY-SEQUENCE");
        playlist.add(new SegmentEntry(2, "seg_2.ts", 2.0, false));
        assertThat(playlist.text()).contains("#EXT-X-DISCONTINUITY-SEQUENCE:1").doesNotContain("#EXT-X-DISCONTINUITY\n");
    }

    @Test
    void keepsEverySegmentWithoutWindowAndEndsAsVod() {
        MediaPlaylist playlist = new MediaPlaylist(2.0, 0);
        for (int i = 0; i < 50; i++) {
            assertThat(playlist.add(new SegmentEntry(i, "seg_" + i + ".ts", 2.0, false))).isEmpty();
        }
        assertThat(playlist.text()).contains("#EXT-X-PLAYLIST-TYPE:EVENT").doesNotContain("ENDLIST");
        playlist.end();
        assertThat(playlist.text()).contains("#EXT-X-PLAYLIST-TYPE:VOD").endsWith("seg_49.ts\n#EXT-X-ENDLIST\n");
    }

    @Test
    void targetDurationGrowsWithALongSegment() {
        MediaPlaylist playlist = new MediaPlaylist(2.0, 3);
        playlist.add(new SegmentEntry(0, "seg_0.ts", 3.4, false));
        assertThat(playlist.text()).contains("#EXT-X-TARGETDURATION:4");
    }
}
