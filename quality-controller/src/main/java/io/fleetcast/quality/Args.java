package io.fleetcast.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: positionals and {@code --name value} options, checked against a known set. */
record Args(List<String> positionals, Map<String, String> options) {

    static Args parse(String[] args, Set<String> valued, Set<String> flags) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                positionals.add(arg);
            } else if (flags.contains(arg)) {
                options.put(arg, "true");
            } else if (valued.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                options.put(arg, args[++i]);
            } else {
                throw new UsageException("unknown option " + arg);
            }
        }
        return new Args(List.copyOf(positionals), Map.copyOf(options));
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    long longOption(String name, long fallback, long min) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min) {
                throw new UsageException(name + " must be >= " + min + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, got \"" + value + "\"");
        }
    }

    /** A command line that cannot be run; Main prints it with the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
