package io.fleetcast.bridge.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudioSettingsTest {
    private static final String TOKEN = "s3cret-token-0123456789";

    @Test
    void defaultsToTheSourceSoundMixedWithTheEndpointOff() {
        AudioSettings settings = AudioSettings.fromEnv(Map.of());
        assertThat(settings.source()).isEqualTo(AudioSource.SOURCE);
        assertThat(settings.mix()).isEqualTo(AudioMix.MIX);
        assertThat(settings.port()).isEqualTo(8091);
        assertThat(settings.staleAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.endpointEnabled()).isFalse();
        assertThat(settings.live()).isFalse();
    }

    @Test
    void readsEveryKey() {
        AudioSettings settings = AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "endpoint", "AUDIO_MIX", "Replace",
                "AUDIO_TOKEN", TOKEN, "AUDIO_PORT", "9000", "AUDIO_STALE_MS", "250"));
        assertThat(settings).isEqualTo(new AudioSettings(AudioSource.ENDPOINT, null, AudioMix.REPLACE, TOKEN, 9000,
                Duration.ofMillis(250)));
        assertThat(settings.endpointEnabled()).isTrue();
        assertThat(settings.live()).isTrue();
    }

    @Test
    void aUrlIsAnotherBridgesStream() {
        AudioSettings settings = AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "https://bridge-2:8091/stream",
                "AUDIO_TOKEN", TOKEN));
        assertThat(settings.source()).isEqualTo(AudioSource.REMOTE);
        assertThat(settings.remote()).isEqualTo(URI.create("https://bridge-2:8091/stream"));
        assertThat(AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "silent")).source()).isEqualTo(AudioSource.SILENT);
    }

    @Test
    void liveSourcesNeedAToken() {
        assertThatThrownBy(() -> AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "endpoint")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AUDIO_TOKEN");
        assertThatThrownBy(() -> AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "http://bridge-2:8091/stream")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AUDIO_TOKEN");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "microphone")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AUDIO_SOURCE")
                .hasMessageContaining("microphone");
        assertThatThrownBy(() -> AudioSettings.fromEnv(Map.of("AUDIO_MIX", "blend")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AUDIO_MIX");
        assertThatThrownBy(() -> AudioSettings.fromEnv(Map.of("AUDIO_PORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AUDIO_PORT");
        assertThatThrownBy(() -> AudioSettings.fromEnv(Map.of("AUDIO_STALE_MS", "1500")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AUDIO_STALE_MS");
    }

    @Test
    void secretsNeverAppearInMessagesOrToString() {
        assertThatThrownBy(() -> AudioSettings.fromEnv(Map.of("AUDIO_TOKEN", "short-secret")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("AUDIO_TOKEN")
                .hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "http://user:pw@bridge-2/stream",
                "AUDIO_TOKEN", TOKEN)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("credentials").hasMessageNotContaining("pw@");
        AudioSettings settings = AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "http://bridge-2:8091/stream?k=v",
                "AUDIO_TOKEN", TOKEN));
        assertThat(settings.toString()).doesNotContain(TOKEN).doesNotContain("k=v").contains("bridge-2");
    }

    @Test
    void mixAddsAndClipsWhileReplaceTakesTheLiveAudio() {
        float[] source = {0.5f, 0.8f, -0.9f};
        float[] live = {0.25f, 0.5f, -0.5f};
        float[] mixed = source.clone();
        AudioMix.MIX.apply(mixed, live, 3);
        assertThat(mixed).containsExactly(0.75f, 1f, -1f);
        float[] replaced = source.clone();
        AudioMix.REPLACE.apply(replaced, live, 3);
        assertThat(replaced).containsExactly(live);
    }
}
