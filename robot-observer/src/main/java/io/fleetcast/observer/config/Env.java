package io.fleetcast.observer.config;

import io.fleetcast.media.format.MediaUrl;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Function;

/** Reads one key at a time from the environment; every error names the key and the bad value. */
final class Env {
    private final Map<String, String> values;

    Env(Map<String, String> values) {
        this.values = values;
    }

    String text(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    long integer(String key, long fallback, long min, long max) {
        return parsed(key, Long.toString(fallback), text -> {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be within " + min + ".." + max);
            }
            return value;
        });
    }

    double decimal(String key, double fallback, double min, double max) {
        return parsed(key, Double.toString(fallback), text -> {
            double value = Double.parseDouble(text);
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException("must be within " + min + ".." + max);
            }
            return value;
        });
    }

    boolean flag(String key) {
        String value = text(key, "false").toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + value + "' is not true or false");
        };
    }

    /** {@code parse} turns the text into a value or throws; the message gets the key and the text. */
    private static String redacted(String value) {
        return Arrays.stream(value.split(",", -1)).map(MediaUrl::redact).collect(Collectors.joining(","));
    }

    <T> T parsed(String key, String fallback, Function<String, T> parse) {
        String value = text(key, fallback);
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            String why = e instanceof NumberFormatException ? "not a number" : e.getMessage();
            // Camera and gateway URLs may carry credentials: never repeat those.
            throw new IllegalArgumentException(key + ": '" + redacted(value) + "' " + why, e);
        }
    }
}
