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
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || !QUERY_KEYS.contains(pair.substring(0, eq))) {
                    continue;
                }
                add(out, decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static void add(List<String> out, String value) {
        if (value != null && !value.isEmpty() && out.size() < MAX_CANDIDATES && !out.contains(value)) {
            out.add(value);
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
