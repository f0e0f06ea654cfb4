package io.fleetcast.control.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's HLS, served by the control service from CONTROL_HLS_DIR. */
@ExtendWith(StoresExtension.class)
class HlsFilesTest {
    @Test
    void playlistsAndSegmentsAreServedWithTheirTypesAndNothingOutsideTheDirectory(TestStores stores, @TempDir Path dir)
            throws Exception {
        Path hls = Files.createDirectories(dir.resolve("hls/360p"));
        Files.writeString(dir.resolve("hls/master.m3u8"), "#EXTM3U\n360p/index.m3u8\n");
        Files.writeString(hls.resolve("index.m3u8"), "#EXTM3U\nseg_00001.ts\n");
        Files.write(hls.resolve("seg_00001.ts"), new byte[] {0x47, 1, 2, 3});
        Files.writeString(dir.resolve("secret.txt"), "not for the web");
        try (TestServer server = TestServer.start(stores, Map.of("CONTROL_HLS_DIR", dir.resolve("hls").toString()),
                new OwnerDrivesPlayroom())) {
            TestClient client = server.client();
            TestClient.Reply master = client.get("/hls/master.m3u8", null);
            assertThat(master.status()).isEqualTo(200);
            assertThat(master.contentType()).isEqualTo("application/vnd.apple.mpegurl");
            assertThat(master.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(master.body()).contains("360p/index.m3u8");
            TestClient.Reply segment = client.get("/hls/360p/seg_00001.ts", null);
            assertThat(segment.status()).isEqualTo(200);
            assertThat(segment.contentType()).isEqualTo("video/mp2t");
            assertThat(client.get("/hls/360p/seg_00002.ts", null).status()).isEqualTo(404);
            assertThat(client.get("/hls/%2e%2e/secret.txt", null).status()).isEqualTo(404);
            assertThat(client.get("/hls/..%2fsecret.txt", null).status()).isEqualTo(404);
        }
    }

    @Test
    void withoutADirectoryNothingIsServed(TestStores stores) {
        try (TestServer server = TestServer.start(stores)) {
            assertThat(server.client().get("/hls/master.m3u8", null).status()).isEqualTo(404);
        }
    }
}
