package io.fleetcast.control.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One MediaMTX auth question, validated. {@code ip} is the client's address as MediaMTX saw it
 * (every request reaches us from MediaMTX itself, so this is what rate limiting keys on).
 */
public record AuthRequest(String ip, String user, String password, String token, AuthAction action, String path,
                          MediaProtocol protocol, String query) {
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.%a-zA-Z]{2,64}");
    static final int MAX_FIELD = 8192;

    public AuthRequest {
        if (ip == null || !IP.matcher(ip).matches()) {
            throw new MalformedAuthRequestException("ip must be an IP address, got '" + Texts.clip(ip) + "'");
        }
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(protocol, "protocol");
        if (path == null) {
            throw new MalformedAuthRequestException("path is required");
        }
        user = bounded("user", user);
        password = bounded("password", password);
        token = bounded("token", token);
        path = bounded("path", path);
        query = bounded("query", query);
    }

    private static String bounded(String field, String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_FIELD) {
            throw new MalformedAuthRequestException(field + " is longer than " + MAX_FIELD + " characters");
        }
        return value;
    }
}
