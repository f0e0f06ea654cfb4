package io.fleetcast.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlConfigTest {
    @Test
    void devDefaultsNeedNothingConfigured() {
        ControlConfig config = ControlConfig.fromEnv(Map.of());
        assertThat(config.mode()).isEqualTo(Mode.DEV);
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of(".fleetcast-data"));
        assertThat(config.postgres()).isEmpty();
        assertThat(config.redis()).isEmpty();
        assertThat(config.tokenSecret()).isEmpty();
        assertThat(config.tokenTtl()).isEqualTo(Duration.ofHours(12));
        assertThat(config.webrtcUrl().toString()).isEqualTo("http://localhost:8889");
        assertThat(config.cdnUrl()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "POSTGRES_POOL_SIZE|0|POSTGRES_POOL_SIZE must be 1..1000, got 0",
        "TOKEN_TTL_MINUTES|-5|TOKEN_TTL_MINUTES must be 1..525600, got -5",
        "AUTH_FAILURE_WINDOW_SECONDS|soon|AUTH_FAILURE_WINDOW_SECONDS has a bad value 'soon'",
        "POSTGRES_URL|mysql://db/x|POSTGRES_URL has a bad value 'mysql://db/x'",
        "LOGIN_TRUSTED_PROXIES|10.0.0.0/99|LOGIN_TRUSTED_PROXIES has a bad value '10.0.0.0/99'",
        "MEDIA_JWT_DRIVE_TTL_SECONDS|1|MEDIA_JWT_DRIVE_TTL_SECONDS must be 5..600, got 1",
        "REDIS_URL|redis://:pa55word@|REDIS_URL must be an absolute URL, got 'redis://<redacted>@'",
    })
    void everyKeyIsCheckedWithOneBehaviour(String key, String value, String message) {
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of(key, value))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message).hasMessageNotContaining("pa55word");
    }

    @Test
    void productionRequiresDatabaseRedisAndSecret() {
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("FLEETCAST_MODE", "production")))
                .hasMessageContaining("POSTGRES_URL is required");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("FLEETCAST_MODE", "production",
                "POSTGRES_URL", "jdbc:postgresql://db/fleetcast", "REDIS_URL", "redis://redis:6379")))
                .hasMessageContaining("TOKEN_SECRET is required");
    }

    @Test
    void namesTheBadKeyAndValue() {
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("CONTROL_PORT", "eighty")))
                .hasMessageContaining("CONTROL_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("FLEETCAST_MODE", "staging")))
                .hasMessageContaining("FLEETCAST_MODE").hasMessageContaining("staging");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("TOKEN_SECRET", "short")))
                .hasMessageContaining("TOKEN_SECRET must be at least 32");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("POSTGRES_URL", "mysql://db")))
                .hasMessageContaining("POSTGRES_URL");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("CDN_BASE_URL", "not a url")))
                .hasMessageContaining("CDN_BASE_URL");
    }

    @Test
    void refusesARedisCaFileThatIsMissingOrHoldsNoCertificate(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing-ca.pem");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("REDIS_TLS_CA_FILE", missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("REDIS_TLS_CA_FILE").hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot read");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n"
                + "-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("REDIS_TLS_CA_FILE", garbage.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("REDIS_TLS_CA_FILE").hasMessageContaining(garbage.toString());
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("REDIS_TLS_CA_FILE", empty.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("REDIS_TLS_CA_FILE").hasMessageContaining(empty.toString());
        assertThat(ControlConfig.fromEnv(Map.of()).redisTls().caFile()).as("unset: the JVM's trust store").isEmpty();
    }

    @Test
    void acceptsPostgresUrlsWithCredentialsAndHidesSecrets() {
        ControlConfig config = ControlConfig.fromEnv(Map.of(
                "POSTGRES_URL", "postgres://fleet:p%40ss@db:5432/fleetcast",
                "REDIS_URL", "redis://:redispass@redis:6379",
                "TOKEN_SECRET", "a-very-long-secret-a-very-long-secret"));
        assertThat(config.postgres().orElseThrow().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/fleetcast");
        assertThat(config.postgres().orElseThrow().user()).isEqualTo("fleet");
        assertThat(config.postgres().orElseThrow().password()).isEqualTo("p@ss");
        assertThat(config.toString()).doesNotContain("p@ss").doesNotContain("redispass")
                .doesNotContain("a-very-long-secret");
    }

    @Test
    void readsLoginLimitsTrustedProxiesAndTheMediaMtxApi() {
        ControlConfig defaults = ControlConfig.fromEnv(Map.of());
        assertThat(defaults.login().accountLimit()).isEqualTo(10);
        assertThat(defaults.login().accountWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.login().addressLimit()).isEqualTo(50);
        assertThat(defaults.login().trustedProxies()).isEmpty();
        assertThat(defaults.mediamtxApi().url()).isEmpty();
        assertThat(defaults.internalPort()).isEqualTo(8090);

        ControlConfig set = ControlConfig.fromEnv(Map.of("LOGIN_ACCOUNT_FAILURE_LIMIT", "5",
                "LOGIN_ADDRESS_WINDOW_SECONDS", "60", "LOGIN_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.1",
                "MEDIAMTX_API_URL", "http://mediamtx:9997", "MEDIAMTX_API_TOKEN", "service-credential-0123456789"));
        assertThat(set.login().accountLimit()).isEqualTo(5);
        assertThat(set.login().addressWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(set.login().trustedProxies()).hasSize(2);
        assertThat(set.mediamtxApi().url().orElseThrow().toString()).isEqualTo("http://mediamtx:9997");
        assertThat(set.toString()).doesNotContain("service-credential-0123456789");

        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("LOGIN_ACCOUNT_FAILURE_LIMIT", "0")))
                .hasMessageContaining("LOGIN_ACCOUNT_FAILURE_LIMIT");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("LOGIN_ADDRESS_WINDOW_SECONDS", "soon")))
                .hasMessageContaining("LOGIN_ADDRESS_WINDOW_SECONDS").hasMessageContaining("soon");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("LOGIN_TRUSTED_PROXIES", "proxy.local")))
                .hasMessageContaining("LOGIN_TRUSTED_PROXIES").hasMessageContaining("proxy.local");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("MEDIAMTX_API_URL", "mediamtx")))
                .hasMessageContaining("MEDIAMTX_API_URL");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("MEDIAMTX_API_URL", "http://mediamtx:9997")))
                .hasMessageContaining("MEDIAMTX_API_TOKEN");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("MEDIAMTX_API_TOKEN", "short")))
                .hasMessageContaining("MEDIAMTX_API_TOKEN");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("CONTROL_PORT", "9000", "CONTROL_INTERNAL_PORT", "9000")))
                .hasMessageContaining("CONTROL_INTERNAL_PORT");
    }

    @Test
    void readsTheRecordingsAndHookSettingsAndNamesBadOnes() {
        ControlConfig defaults = ControlConfig.fromEnv(Map.of());
        assertThat(defaults.recordings().bucket()).isEmpty();
        assertThat(defaults.recordings().localDir()).isEmpty();
        assertThat(defaults.recordings().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.recordings().urlLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.pathPoll()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.hookSecret()).isEmpty();

        ControlConfig set = ControlConfig.fromEnv(Map.of("RECORDINGS_S3_BUCKET", "dvr", "RECORDINGS_S3_ENDPOINT",
                "http://minio:9000", "RECORDINGS_S3_SECRET_KEY", "s3-secret-value", "RECORDINGS_S3_ACCESS_KEY", "key",
                "RECORDINGS_RETENTION_DAYS", "0", "MEDIAMTX_HOOK_SECRET", "hook-secret-0123456789"));
        assertThat(set.recordings().bucket()).contains("dvr");
        assertThat(set.recordings().retention()).isZero();
        assertThat(set.toString()).contains("s3://dvr").doesNotContain("s3-secret-value")
                .doesNotContain("hook-secret-0123456789");

        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("RECORDINGS_URL_TTL_SECONDS", "0")))
                .hasMessageContaining("RECORDINGS_URL_TTL_SECONDS").hasMessageContaining("0");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("RECORDINGS_RETENTION_DAYS", "a month")))
                .hasMessageContaining("RECORDINGS_RETENTION_DAYS").hasMessageContaining("a month");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("RECORDINGS_S3_ACCESS_KEY", "key")))
                .hasMessageContaining("RECORDINGS_S3_SECRET_KEY");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("RECORDINGS_S3_ENDPOINT", "minio")))
                .hasMessageContaining("RECORDINGS_S3_ENDPOINT");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("MEDIAMTX_HOOK_SECRET", "short")))
                .hasMessageContaining("MEDIAMTX_HOOK_SECRET").hasMessageContaining("5");
        assertThatThrownBy(() -> ControlConfig.fromEnv(Map.of("MEDIAMTX_POLL_SECONDS", "0")))
                .hasMessageContaining("MEDIAMTX_POLL_SECONDS");
    }
}
