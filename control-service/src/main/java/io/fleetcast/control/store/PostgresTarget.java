package io.fleetcast.control.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Where a PostgreSQL database lives; the password never appears in {@link #toString()}. */
public record PostgresTarget(String jdbcUrl, String user, String password) {
    public PostgresTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("PostgreSQL URL must start with jdbc:postgresql://, got " + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /**
     * A JDBC URL or a {@code postgres://user:pass@host:port/db} URL; {@code user} and
     * {@code password}, when not null, win over the URL's.
     */
    public static PostgresTarget fromUrl(String url, String user, String password) {
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
        throw new IllegalArgumentException("must start with jdbc:postgresql:// or postgres://");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + jdbcUrl + ", user=" + user + "]";
    }
}
