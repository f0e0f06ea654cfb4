package io.fleetcast.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.bridge.restream.RestreamSettings;
import io.fleetcast.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestreamEnvTest {
    private static final String KEY = "abcd-efgh-ijkl-mnop";

    @Test
    void noDestinationsUnlessAUrlIsSet() {
        assertThat(BridgeConfig.fromEnv(Map.of("INPUT_URL", "rtsp://media/playroom")).restream()).isEmpty();
    }

    @Test
    void primaryAndBackupJoinTheirKeysToTheirUrlsWithTheDefaults() {
        BridgeConfig config = BridgeConfig.fromEnv(env(
                "RESTREAM_PRIMARY_URL", "rtmp://a.rtmp.youtube.com/live2", "RESTREAM_PRIMARY_KEY", KEY,
                "RESTREAM_BACKUP_URL", "rtmp://b.rtmp.youtube.com/live2/" + KEY));
        List<RestreamSettings> destinations = config.restream();
        assertThat(destinations).extracting(RestreamSettings::name).containsExactly("primary", "backup");
        assertThat(destinations).extracting(RestreamSettings::target).containsExactly(
                "rtmp://a.rtmp.youtube.com/live2/" + KEY, "rtmp://b.rtmp.youtube.com/live2/" + KEY);
        RestreamSettings primary = destinations.get(0);
        assertThat(primary.rung()).as("top rung").isNull();
        assertThat(primary.backoff().min()).isEqualTo(Duration.ofSeconds(1));
        assertThat(primary.backoff().max()).isEqualTo(Duration.ofSeconds(30));
        assertThat(primary.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(primary.ioTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(primary.tlsCaFile()).isEqualTo(RestreamEnv.DEFAULT_CA_FILE);
    }

    @Test
    void sharedSettingsApplyToEveryDestination(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "not checked here");
        BridgeConfig config = BridgeConfig.fromEnv(env(
                "RESTREAM_PRIMARY_URL", "rtmps://a.rtmps.youtube.com:443/live2", "RESTREAM_PRIMARY_KEY", KEY,
                "RESTREAM_RUNG", "720P", "RESTREAM_RECONNECT_MIN_MS", "250", "RESTREAM_RECONNECT_MAX_MS", "4000",
                "RESTREAM_CONNECT_TIMEOUT_MS", "3000", "RESTREAM_IO_TIMEOUT_MS", "2000",
                "RESTREAM_TLS_CA_FILE", ca.toString()));
        RestreamSettings primary = config.restream().get(0);
        assertThat(primary.rung()).isEqualTo("720p");
        assertThat(primary.backoff().min()).isEqualTo(Duration.ofMillis(250));
        assertThat(primary.backoff().max()).isEqualTo(Duration.ofMillis(4000));
        assertThat(primary.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(primary.ioTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(primary.tlsCaFile()).isEqualTo(ca.toString());
        assertThat(BridgeConfig.fromEnv(env("RESTREAM_PRIMARY_URL", "rtmps://host/app/" + KEY,
                "RESTREAM_TLS_CA_FILE", "off")).restream().get(0).tlsCaFile()).as("verification off").isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "RESTREAM_PRIMARY_URL;https://a.rtmp.youtube.com/live2;RESTREAM_PRIMARY_URL",
            "RESTREAM_PRIMARY_URL;rtmp://a.rtmp.youtube.com;RESTREAM_PRIMARY_URL",
            "RESTREAM_BACKUP_KEY;" + KEY + ";RESTREAM_BACKUP_URL is not",
            "RESTREAM_RUNG;1440p;RESTREAM_RUNG",
            "RESTREAM_RECONNECT_MIN_MS;soon;RESTREAM_RECONNECT_MIN_MS",
            "RESTREAM_RECONNECT_MAX_MS;500;RESTREAM_RECONNECT_MAX_MS",
            "RESTREAM_IO_TIMEOUT_MS;0;RESTREAM_IO_TIMEOUT_MS",
            "RESTREAM_TLS_CA_FILE;/no/such/ca.pem;RESTREAM_TLS_CA_FILE"})
    void rejectsBadValuesNamingTheKeyButNeverTheStreamKey(String key, String value, String named) {
        Map<String, String> env = env("RESTREAM_PRIMARY_URL", "rtmps://a.rtmps.youtube.com/live2",
                "RESTREAM_PRIMARY_KEY", KEY);
        env.put(key, value);
        assertThatThrownBy(() -> BridgeConfig.fromEnv(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(named).message().doesNotContain(KEY);
    }

    @Test
    void aKeyWithSpacesIsRejectedWithoutPrintingIt() {
        assertThatThrownBy(() -> BridgeConfig.fromEnv(env("RESTREAM_PRIMARY_URL", "rtmp://host/app",
                "RESTREAM_PRIMARY_KEY", "my secret key"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("RESTREAM_PRIMARY_KEY").message().doesNotContain("secret");
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("INPUT_URL", "rtsp://media/playroom"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
