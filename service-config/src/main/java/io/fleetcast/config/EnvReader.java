package io.fleetcast.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed reads from an environment map. A blank value counts as unset (the fallback applies);
 * every failure is a {@link ConfigException} naming the key and the bad value (URLs without
 * their user, password or query, see {@link Redacted}).
 */
public final class EnvReader {
    private final Map<String, String> env;

    public EnvReader(Map<String, String> env) {
        this.env = env;
    }

    public Optional<String> optional(String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String text(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> new ConfigException(key + " is required"));
    }

    /** The value through {@code parser}, which throws to refuse it; its message says why. */
    public <T> T parsed(String key, String fallback, Function<String, T> parser) {
        String value = text(key, fallback);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            String why = e instanceof NumberFormatException ? "not a number" : e.getMessage();
            throw new ConfigException(key + " has a bad value '" + Redacted.value(value) + "': " + why, e);
        }
    }

    /** Any int; the record that takes it checks its range. */
    public int integer(String key, int fallback) {
        return integer(key, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public int integer(String key, int fallback, int min, int max) {
        return Math.toIntExact(longInteger(key, fallback, min, max));
    }

    public long longInteger(String key, long fallback, long min, long max) {
        long value = parsed(key, Long.toString(fallback), Long::parseLong);
        if (value < min || value > max) {
            throw new ConfigException(key + " must be " + range(min, max) + ", got " + value);
        }
        return value;
    }

    public double decimal(String key, double fallback, double min, double max) {
        double value = parsed(key, Double.toString(fallback), Double::parseDouble);
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    /** A whole number of seconds as a duration. */
    public Duration seconds(String key, Duration fallback, long min, long max) {
        return Duration.ofSeconds(longInteger(key, fallback.toSeconds(), min, max));
    }

    /** A whole number of minutes as a duration. */
    public Duration minutes(String key, Duration fallback, long min, long max) {
        return Duration.ofMinutes(longInteger(key, fallback.toMinutes(), min, max));
    }

    /** A whole number of milliseconds as a duration. */
    public Duration millis(String key, Duration fallback, long min, long max) {
        return Duration.ofMillis(longInteger(key, fallback.toMillis(), min, max));
    }

    public boolean flag(String key) {
        return flag(key, false);
    }

    public boolean flag(String key, boolean fallback) {
        String value = text(key, Boolean.toString(fallback));
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new ConfigException(key + " must be true or false, got '" + value + "'");
        };
    }

    /** One of an enum's constants, written in any case ({@code dev} for {@code DEV}). */
    public <E extends Enum<E>> E choice(String key, E fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        E[] constants = fallback.getDeclaringClass().getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(value.get())) {
                return constant;
            }
        }
        throw new ConfigException(key + " must be one of " + Arrays.stream(constants)
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + ", got '" + value.get() + "'");
    }

    /** An absolute URL (scheme and host); {@code fallback} when unset. */
    public URI uri(String key, String fallback) {
        String value = text(key, fallback);
        if (value == null) {
            throw new ConfigException(key + " is required");
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException(key + " must be an absolute URL, got '" + Redacted.value(value) + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(key + " is not a valid URL: '" + Redacted.value(value) + "'", e);
        }
    }

    public Optional<URI> optionalUri(String key) {
        return optional(key).map(value -> uri(key, value));
    }

    private static String range(long min, long max) {
        if (min == Integer.MIN_VALUE && max == Integer.MAX_VALUE) {
            return "a 32-bit integer";
        }
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return ">= " + min;
        }
        return min + ".." + max;
    }
}
