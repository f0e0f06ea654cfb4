package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveWindowTest {
    @Test
    void slidesThePlaylistWindowAndRetiresOldSegmentsLate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("source.ts");
        new SyntheticSource(426, 240, 30, 10, true, 600_000, "ultrafast").writeTo(file);
        Path hls = dir.resolve("hls");
        try (Pipeline pipeline = Broadcasts.pipeline(file.toString(), "240p:400k", hls, 2).start()) {
            assertThat(pipeline.awaitEnd(Duration.ofMinutes(2))).isTrue();
        }
        var segments = HlsInspector.mediaPlaylist(hls.resolve("240p/index.m3u8"));
        assertThat(segments).extracting(HlsInspector.Segment::uri).containsExactly("seg_3.ts", "seg_4.ts");
        assertThat(HlsInspector.lines(hls.resolve("240p/index.m3u8"))).contains("#EXT-X-MEDIA-SEQUENCE:3");
        try (var files = Files.list(hls.resolve("240p"))) {
            // The window (2) plus as many retired ones, still there for slow players.
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ts")))
                    .containsExactlyInAnyOrder("seg_1.ts", "seg_2.ts", "seg_3.ts", "seg_4.ts");
        }
    }
}
