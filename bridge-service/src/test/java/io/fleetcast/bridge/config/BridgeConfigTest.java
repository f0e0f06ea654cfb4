package io.fleetcast.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.bridge.gpu.DecodeMode;
import io.fleetcast.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BridgeConfigTest {
    @Test
    void appliesDefaults() {
        BridgeConfig config = BridgeConfig.fromEnv(Map.of("INPUT_URL", "rtsp://media:8554/playroom"));
        assertThat(config.hlsDir()).isEqualTo(Path.of("hls"));
        assertThat(config.hls().segmentSeconds()).isEqualTo(2.0);
        assertThat(config.hls().listSize()).isEqualTo(6);
        assertThat(config.ladder().rungs()).hasSize(3);
        assertThat(config.encoders()).containsExactly("h264_nvenc", "libx264", "libopenh264");
        assertThat(config.encoderOptions().x264Preset()).isEqualTo("veryfast");
        assertThat(config.audioBitRate()).isEqualTo(128_000);
        assertThat(config.input().live()).isTrue();
        assertThat(config.input().probeSize()).isEqualTo(500_000);
        assertThat(config.input().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dryRun()).isFalse();
        assertThat(config.slate().after()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.slate().image()).isNull();
        assertThat(config.ffmpegLogLevel()).isEqualTo(System.Logger.Level.WARNING);
        assertThat(config.decode()).isEqualTo(DecodeMode.AUTO);
        assertThat(BridgeConfig.fromEnv(Map.of("DECODE", "CUDA")).decode()).isEqualTo(DecodeMode.CUDA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "LADDER;720x:1k;LADDER",
            "HLS_SEGMENT_SECONDS;zero;HLS_SEGMENT_SECONDS",
            "HLS_LIST_SIZE;-1;HLS_LIST_SIZE",
            "ENCODERS;h265_magic;h265_magic",
            "DRY_RUN;maybe;DRY_RUN",
            "DECODE;gpu;DECODE",
            "GOP_SECONDS;4;GOP_SECONDS",
            "AUDIO_BITRATE;loud;AUDIO_BITRATE",
            "RECONNECT_MAX_MS;20;RECONNECT_MAX_MS",
            "FFMPEG_LOG_LEVEL;chatty;FFMPEG_LOG_LEVEL",
            "SLATE_AFTER_MS;-5;SLATE_AFTER_MS"})
    void rejectsBadValuesNamingTheKey(String key, String value, String named) {
        Map<String, String> env = new HashMap<>(Map.of("INPUT_URL", "/media/clip.mp4"));
        env.put(key, value);
        assertThatThrownBy(() -> BridgeConfig.fromEnv(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(named);
    }

    @Test
    void startsNothingAtBootWithoutAnInputAndTakesInputUrlAsTheAutostartAlias() {
        BridgeConfig none = BridgeConfig.fromEnv(Map.of());
        assertThat(none.autostartUrl()).isEmpty();
        assertThatThrownBy(none::input).hasMessageContaining("AUTOSTART_INPUT_URL");
        assertThat(BridgeConfig.fromEnv(Map.of("INPUT_URL", "rtsp://a/b")).input().url()).isEqualTo("rtsp://a/b");
        assertThat(BridgeConfig.fromEnv(Map.of("INPUT_URL", "rtsp://a/b", "AUTOSTART_INPUT_URL", "srt://c:1"))
                .input().url()).isEqualTo("srt://c:1");
    }

    @Test
    void apiKeysHaveDefaultsAndTheTokenIsNeverShown() {
        ApiSettings api = BridgeConfig.fromEnv(Map.of("BRIDGE_API_TOKEN", "0123456789abcdef-secret")).api();
        assertThat(api.port()).isEqualTo(8081);
        assertThat(api.mainBroadcast()).isEqualTo("playroom");
        assertThat(api.toString()).doesNotContain("secret");
        assertThatThrownBy(() -> BridgeConfig.fromEnv(Map.of("BRIDGE_API_TOKEN", "short")))
                .hasMessageContaining("BRIDGE_API_TOKEN").hasMessageNotContaining("short");
        assertThatThrownBy(() -> BridgeConfig.fromEnv(Map.of("BROADCAST_NAME", "720p")))
                .hasMessageContaining("BROADCAST_NAME");
    }
}
