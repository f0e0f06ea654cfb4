package io.fleetcast.bridge.config;

import java.util.Map;
import java.util.function.Function;

/** Reads typed values from an environment map, failing with the key and the bad value. */
public final class EnvReader {
    private final Map<String, String> env;

    public EnvReader(Map<String, String> env) {
        this.env = env;
    }

    public String required(String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException(key + " is required");
        }
        return value.trim();
    }

    public String text(String key, String fallback) {
        String value = env.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public <T> T parsed(String key, String fallback, Function<String, T> parser) {
        String value = text(key, fallback);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new ConfigException(key + " has a bad value '" + value + "': " + e.getMessage(), e);
        }
    }

    public int integer(String key, int fallback, int min, int max) {
        int value = parsed(key, Integer.toString(fallback), Integer::parseInt);
        if (value < min || value > max) {
            throw new ConfigException(key + " must be " + min + ".." + max + ", got " + value);
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

    public boolean flag(String key) {
        return flag(key, false);
    }

    public boolean flag(String key, boolean fallback) {
        String value = text(key, Boolean.toString(fallback)).toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new ConfigException(key + " must be true or false, got '" + value + "'");
        };
    }
}
