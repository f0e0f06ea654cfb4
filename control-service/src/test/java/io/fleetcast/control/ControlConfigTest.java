package io.fleetcast.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
