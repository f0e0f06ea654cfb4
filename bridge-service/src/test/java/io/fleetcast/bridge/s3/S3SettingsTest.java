package io.fleetcast.bridge.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
    private static BridgeConfig config(String... keysAndValues) {
        Map<String, String> env = new HashMap<>(Map.of("INPUT_URL", "rtsp://media:8554/playroom"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return BridgeConfig.fromEnv(env);
    }

    @Test
    void isOffWithoutABucket() {
        assertThat(config("S3_PREFIX", "live").s3()).isEmpty();
    }

    @Test
    void appliesDefaultsForAwsWhenOnlyTheBucketIsSet() {
        S3Settings s3 = config("S3_BUCKET", "fleetcast-hls").s3().orElseThrow();
        assertThat(s3).isEqualTo(
                new S3Settings("fleetcast-hls", "", null, "us-east-1", true, Duration.ofSeconds(60), 90));
        assertThat(s3.key("720p/seg_1.ts")).isEqualTo("720p/seg_1.ts");
        assertThat(s3.location()).isEqualTo("s3://fleetcast-hls");
    }

    @Test
    void readsEveryKey() {
        S3Settings s3 = config("S3_BUCKET", "hls", "S3_PREFIX", "/rooms/playroom/", "S3_ENDPOINT", "http://minio:9000",
                "S3_REGION", "eu-west-3", "S3_DELETE_OLD", "false", "S3_DELETE_DELAY_SECONDS", "5",
                "S3_SPOOL_SEGMENTS", "12").s3().orElseThrow();
        assertThat(s3).isEqualTo(new S3Settings("hls", "rooms/playroom", URI.create("http://minio:9000"), "eu-west-3",
                false, Duration.ofSeconds(5), 12));
        assertThat(s3.key("master.m3u8")).isEqualTo("rooms/playroom/master.m3u8");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "S3_BUCKET;Not_A_Bucket",
            "S3_ENDPOINT;ftp://minio:9000",
            "S3_ENDPOINT;minio:9000",
            "S3_DELETE_OLD;sometimes",
            "S3_DELETE_DELAY_SECONDS;-1",
            "S3_SPOOL_SEGMENTS;0"})
    void rejectsBadValuesNamingTheKey(String key, String value) {
        Map<String, String> env = new HashMap<>(Map.of("S3_BUCKET", "hls"));
        env.put(key, value);
        assertThatThrownBy(() -> config(env.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(key);
    }

    @Test
    void refusesCredentialsInTheEndpointWithoutRepeatingThem() {
        assertThatThrownBy(() -> config("S3_BUCKET", "hls", "S3_ENDPOINT", "http://minio:s3cr3t@minio:9000"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("S3_ENDPOINT")
                .hasMessageNotContaining("s3cr3t");
    }
}
