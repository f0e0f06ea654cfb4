package io.fleetcast.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One command line: positional words, {@code --name value} options and {@code --flag}
 * switches, checked against the options and flags the command knows. Errors are
 * {@link UsageException}s naming the option and the bad value.
 */
public record Args(List<String> positional, Map<String, String> options, Set<String> flags) {
    public Args {
        positional = List.copyOf(positional);
        options = Map.copyOf(options);
        flags = Set.copyOf(flags);
    }

    public static Args parse(List<String> words, Set<String> valued, Set<String> knownFlags) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                positional.add(word);
            } else if (knownFlags.contains(word)) {
                flags.add(word);
            } else if (!valued.contains(word)) {
                throw new UsageException("unknown option " + word);
            } else if (i + 1 < words.size()) {
                options.put(word, words.get(++i));
            } else {
                throw new UsageException(word + " needs a value");
            }
        }
        return new Args(positional, options, flags);
    }

    public static Args parse(String[] words, Set<String> valued, Set<String> knownFlags) {
        return parse(List.of(words), valued, knownFlags);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new UsageException(name + " is required"));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public long longOption(String name, long fallback, long min) {
        return optional(name).map(value -> whole(name, value, min)).orElse(fallback);
    }

    public long requiredLong(String name, long min) {
        return whole(name, required(name), min);
    }

    private static long whole(String name, String value, long min) {
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, got '" + value + "'");
        }
        if (parsed < min) {
            throw new UsageException(name + " must be >= " + min + ", got " + value);
        }
        return parsed;
    }
}
