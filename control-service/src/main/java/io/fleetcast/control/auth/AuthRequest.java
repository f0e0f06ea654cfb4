package io.fleetcast.control.auth;

import java.util.Objects;
import java.util.UUID;

/**
 * One MediaMTX auth question, validated. {@code ip} is the client's address as MediaMTX saw it
 * (every request reaches us from MediaMTX itself, so this is what rate limiting keys on).
 * {@code sessionId} is MediaMTX's {@code id}: the session or connection a publish or read opens
 * (what its API kicks); null when absent.
 */
public record AuthRequest(String ip, String user, String password, String token, AuthAction action, String path,
                          MediaProtocol protocol, String query, UUID sessionId) {
    static final int MAX_FIELD = 8192;

    public AuthRequest {
        if (!looksLikeAddress(ip)) {
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

    /** IPv4, IPv6 (with an optional zone): hex digits, dots, colons, '%' and zone letters. */
    private static boolean looksLikeAddress(String ip) {
        if (ip == null || ip.length() < 2 || ip.length() > 64) {
            return false;
        }
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == ':'
                    || c == '%';
            if (!ok) {
                return false;
            }
        }
        return true;
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
