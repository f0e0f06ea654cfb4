package io.fleetcast.bridge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryTest {
    @Test
    void replacesPlaylistsWholeAndLeavesNoTempFiles(@TempDir Path dir) throws Exception {
        LocalDirectory store = new LocalDirectory(dir);
        store.putPlaylist("720p/index.m3u8", "#EXTM3U\nold\n");
        store.putPlaylist("720p/index.m3u8", "#EXTM3U\nnew\n");
        assertThat(Files.readString(dir.resolve("720p/index.m3u8"))).isEqualTo("#EXTM3U\nnew\n");
        try (var files = Files.list(dir.resolve("720p"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("index.m3u8");
        }
    }

    @Test
    void movesSegmentsIntoPlaceAndDeletesThem(@TempDir Path dir) throws Exception {
        LocalDirectory store = new LocalDirectory(dir.resolve("hls"));
        Path staged = Files.writeString(dir.resolve("staged.ts"), "ts");
        store.putSegment("480p/seg_0.ts", staged);
        assertThat(dir.resolve("hls/480p/seg_0.ts")).exists();
        assertThat(staged).doesNotExist();
        store.delete("480p/seg_0.ts");
        assertThat(dir.resolve("hls/480p/seg_0.ts")).doesNotExist();
    }

    @Test
    void refusesNamesOutsideTheDirectory(@TempDir Path dir) {
        LocalDirectory store = new LocalDirectory(dir.resolve("hls"));
        assertThatThrownBy(() -> store.putPlaylist("../escape.m3u8", "x")).hasMessageContaining("../escape.m3u8");
    }
}
