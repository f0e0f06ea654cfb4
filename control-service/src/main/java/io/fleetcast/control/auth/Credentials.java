package io.fleetcast.control.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every secret a request presents, in whichever form MediaMTX delivered it: the token field
 * (bearer, {@code ?token=}, or the password MediaMTX copied there), the password, and the raw
 * query's {@code token}, {@code jwt}, {@code pass} and {@code key} parameters.
 */
final class Credentials {
    private static final List<String> QUERY_KEYS = List.of("token", "jwt", "pass", "key");
    private static final int MAX_CANDIDATES = 6;

    private Credentials() {
    }

    static List<String> candidates(AuthRequest request) {
        List<String> out = new ArrayList<>(4);
        add(out, request.token());
        add(out, request.password());
        String query = request.query();
        int start = 0;
        while (start < query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            int eq = query.indexOf('=', start);
            if (eq > start && eq < end && isCredentialKey(query, start, eq)) {
                add(out, decode(query.substring(eq + 1, end)));
            }
            start = end + 1;
        }
        return out;
    }

    private static boolean isCredentialKey(String query, int start, int end) {
        for (String key : QUERY_KEYS) {
            if (key.length() == end - start && query.startsWith(key, start)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> out, String value) {
        if (value != null && !value.isEmpty() && out.size() < MAX_CANDIDATES && !out.contains(value)) {
            out.add(value);
        }
    }

    private static String decode(String value) {
        if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
            return value;
        }
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
