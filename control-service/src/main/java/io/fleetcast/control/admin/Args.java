package io.fleetcast.control.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --key value} options, {@code --flag} switches and positional words of one command. */
record Args(List<String> positional, Map<String, String> options, Set<String> flags) {
    static Args parse(List<String> words, Set<String> knownFlags) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                positional.add(word);
            } else if (knownFlags.contains(word)) {
                flags.add(word);
            } else if (i + 1 < words.size()) {
                options.put(word, words.get(++i));
            } else {
                throw new UsageException(word + " needs a value");
            }
        }
        return new Args(positional, options, flags);
    }

    String required(String option) {
        String value = options.get(option);
        if (value == null) {
            throw new UsageException(option + " is required");
        }
        return value;
    }

    long requiredId(String option) {
        String value = required(option);
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a positive integer, got '" + value + "'");
    }
}
