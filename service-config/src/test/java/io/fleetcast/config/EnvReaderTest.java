package io.fleetcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvReaderTest {
    enum Mode { DEV, PRODUCTION }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("PORT", "eighty", r -> r.integer("PORT", 80, 0, 65_535), "PORT", "eighty"),
                bad("PORT", "70000", r -> r.integer("PORT", 80, 0, 65_535), "PORT must be 0..65535", "70000"),
                bad("LIMIT", "-1", r -> r.integer("LIMIT", 5, 1, Integer.MAX_VALUE), "LIMIT must be >= 1", "-1"),
                bad("BIG", "3000000000", r -> r.integer("BIG", 5), "BIG", "3000000000"),
                bad("RATIO", "1.5", r -> r.decimal("RATIO", 0.5, 0, 1), "RATIO must be 0.0..1.0", "1.5"),
                bad("RATIO", "half", r -> r.decimal("RATIO", 0.5, 0, 1), "RATIO", "half"),
                bad("DRY_RUN", "maybe", r -> r.flag("DRY_RUN"), "DRY_RUN must be true or false", "maybe"),
                bad("MODE", "staging", r -> r.choice("MODE", Mode.DEV), "MODE must be one of dev, production", "staging"),
                bad("TTL", "0", r -> r.seconds("TTL", Duration.ofSeconds(5), 1, 60), "TTL must be 1..60", "0"),
                bad("API", "localhost:80", r -> r.uri("API", "http://x"), "API must be an absolute URL", "localhost"),
                bad("LEVEL", "loud", r -> r.parsed("LEVEL", "info", EnvReaderTest::level), "LEVEL has a bad value 'loud'",
                        "expected quiet or info"));
    }

    private static Arguments bad(String key, String value, Function<EnvReader, Object> read, String... expected) {
        return Arguments.of(key, value, read, expected);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void badValueNamesTheKeyAndTheValue(String key, String value, Function<EnvReader, Object> read, String[] expected) {
        EnvReader reader = new EnvReader(Map.of(key, value));
        assertThatThrownBy(() -> read.apply(reader)).isInstanceOf(ConfigException.class)
                .hasMessageContainingAll(expected);
    }

    @Test
    void blankOrUnsetKeysTakeTheFallbackAndValuesAreTrimmed() {
        EnvReader reader = new EnvReader(Map.of("BLANK", "  ", "PORT", " 8081 ", "ON", "YES", "MODE", "Production"));
        assertThat(reader.integer("BLANK", 7, 0, 10)).isEqualTo(7);
        assertThat(reader.integer("UNSET", 7, 0, 10)).isEqualTo(7);
        assertThat(reader.integer("PORT", 80, 0, 65_535)).isEqualTo(8081);
        assertThat(reader.optional("BLANK")).isEmpty();
        assertThat(reader.flag("ON")).isTrue();
        assertThat(reader.flag("UNSET", true)).isTrue();
        assertThat(reader.choice("MODE", Mode.DEV)).isEqualTo(Mode.PRODUCTION);
        assertThat(reader.millis("UNSET", Duration.ofMillis(250), 1, 1000)).isEqualTo(Duration.ofMillis(250));
        assertThat(reader.optionalUri("UNSET")).isEmpty();
    }

    @Test
    void requiredKeyThatIsMissingIsNamed() {
        assertThatThrownBy(() -> new EnvReader(Map.of("TOKEN", " ")).required("TOKEN"))
                .isInstanceOf(ConfigException.class).hasMessage("TOKEN is required");
    }

    @Test
    void credentialsInABadUrlNeverReachTheMessage() {
        EnvReader reader = new EnvReader(Map.of("REDIS_URL", "redis://user:s3cret@redis:6379/0?key=k3y",
                "CAMERA", "rtsp://cam:pa55@10.0.0.2/live?token=t0ken"));
        assertThatThrownBy(() -> reader.parsed("REDIS_URL", "", text -> {
            throw new IllegalArgumentException("unsupported database");
        })).hasMessageContaining("redis://<redacted>@redis:6379/0?<redacted>").hasMessageNotContainingAny("s3cret", "k3y", "user:");
        assertThatThrownBy(() -> reader.integer("CAMERA", 1)).hasMessageContaining("CAMERA")
                .hasMessageNotContainingAny("pa55", "t0ken");
        assertThat(reader.uri("REDIS_URL", "")).isEqualTo(URI.create("redis://user:s3cret@redis:6379/0?key=k3y"));
    }

    private static String level(String text) {
        if (!text.equals("quiet") && !text.equals("info")) {
            throw new IllegalArgumentException("expected quiet or info");
        }
        return text;
    }
}
