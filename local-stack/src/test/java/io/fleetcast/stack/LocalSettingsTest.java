package io.fleetcast.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSettingsTest {
    @Test
    void withoutMediamtxThePlayroomRobotPublishesStraightToTheBridgesListener(@TempDir Path dir) {
        LocalSettings settings = LocalSettings.fromEnv(Map.of("PATH", dir.toString(), "INGEST_PORT", "9100"), dir);
        assertThat(settings.mediamtx()).isEmpty();
        assertThat(settings.playroomGatewayUrl()).isEqualTo("srt://127.0.0.1:9100");
        assertThat(settings.bridgeEnv().get("AUTOSTART_INPUT_URL")).isEqualTo("srt://127.0.0.1:9100?mode=listener");
        assertThat(settings.controlEnv()).containsEntry("CDN_BASE_URL", "http://localhost:8080/hls")
                .doesNotContainKey("MEDIAMTX_API_URL");
    }

    @Test
    void withMediamtxOnThePathEverythingGoesThroughItAsInProduction(@TempDir Path dir) throws Exception {
        Path bin = Files.createFile(dir.resolve("mediamtx"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        LocalSettings settings = LocalSettings.fromEnv(Map.of("PATH", "/nowhere:" + dir, "CONTROL_PORT", "9080",
                "CONTROL_INTERNAL_PORT", "9090"), dir);
        assertThat(settings.mediamtx()).contains(bin);
        assertThat(settings.playroomGatewayUrl()).isEqualTo("rtmp://127.0.0.1:1935");
        assertThat(settings.bridgeEnv().get("AUTOSTART_INPUT_URL"))
                .isEqualTo("rtsp://127.0.0.1:8554/playroom?token=" + settings.bridgeReadToken());
        assertThat(settings.controlEnv()).containsEntry("BRIDGE_READ_TOKEN", settings.bridgeReadToken());
        assertThat(settings.controlEnv()).containsEntry("CONTROL_INTERNAL_PORT", "9090")
                .containsEntry("MEDIAMTX_API_TOKEN", settings.mediamtxApiToken())
                .containsEntry("MEDIAMTX_HOOK_SECRET", settings.hookSecret());
        assertThat(settings.mediamtxEnv()).as("the webhook and the path hooks are on the internal listener")
                .containsEntry("MTX_AUTHHTTPADDRESS", "http://127.0.0.1:9090/internal/auth")
                .containsEntry("CONTROL_URL", "http://127.0.0.1:9090")
                .containsEntry("MEDIAMTX_HOOK_SECRET", settings.hookSecret())
                .containsEntry("BRIDGE_API_TOKEN", settings.bridgeApiToken());
        assertThat(settings.bridgeEnv()).containsEntry("BRIDGE_API_TOKEN", settings.bridgeApiToken());
        assertThat(settings.toString()).doesNotContain(settings.bridgeReadToken()).doesNotContain(settings.bridgeApiToken())
                .doesNotContain(settings.mediamtxApiToken()).doesNotContain(settings.hookSecret());
    }

    @Test
    void badSettingsNameTheirKey(@TempDir Path dir) {
        assertThatThrownBy(() -> LocalSettings.fromEnv(Map.of("CONTROL_PORT", "eighty"), dir))
                .hasMessageContaining("CONTROL_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> LocalSettings.fromEnv(Map.of("MEDIAMTX_BIN", dir.resolve("missing").toString()), dir))
                .hasMessageContaining("MEDIAMTX_BIN");
    }
}
