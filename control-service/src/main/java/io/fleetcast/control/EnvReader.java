package io.fleetcast.control;

import io.fleetcast.control.store.PostgresTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads from the environment; every failure names the key and the bad value. */
public final class EnvReader {
    private final Map<String, String> env;

    public EnvReader(Map<String, String> env) {
        this.env = env;
    }

    public Optional<String> optional(String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String text(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public int integer(String key, int fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + value.get() + "'");
        }
    }

    Mode mode(String key, Mode fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "dev" -> Mode.DEV;
            case "production" -> Mode.PRODUCTION;
            default -> throw new IllegalArgumentException(key + " must be dev or production, got '" + value.get() + "'");
        };
    }

    URI uri(String key, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " must be an absolute URL, got '" + withoutUserInfo(uri) + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL", e);
        }
    }

    /** Accepts a JDBC URL or a {@code postgres://user:pass@host:port/db} URL. */
    static PostgresTarget postgres(String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql://")) {
            return new PostgresTarget(url, user, password);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String info = uri.getRawUserInfo();
            if (info != null) {
                int colon = info.indexOf(':');
                user = user != null ? user : decode(colon < 0 ? info : info.substring(0, colon));
                password = password != null ? password : colon < 0 ? null : decode(info.substring(colon + 1));
            }
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new PostgresTarget("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, password);
        }
        throw new IllegalArgumentException("POSTGRES_URL must start with jdbc:postgresql:// or postgres://");
    }

    static String withoutUserInfo(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
