package io.fleetcast.bridge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MasterPlaylistTest {
    @Test
    void announcesEveryVariantWithItsAttributes() {
        String text = MasterPlaylist.text(List.of(
                new Variant("1080p/index.m3u8", 5_090_800, 5_090_800, 1920, 1080, "avc1.640028,mp4a.40.2", 30),
                new Variant("480p/index.m3u8", 1_460_800, 1_400_000, 854, 480, "avc1.4d401e,mp4a.40.2", 29.97)));
        assertThat(text).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=5090800,AVERAGE-BANDWIDTH=5090800,RESOLUTION=1920x1080,FRAME-RATE=30.000,CODECS="avc1.640028,mp4a.40.2"
                1080p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1460800,AVERAGE-BANDWIDTH=1400000,RESOLUTION=854x480,FRAME-RATE=29.970,CODECS="avc1.4d401e,mp4a.40.2"
                480p/index.m3u8
                """);
    }
}
