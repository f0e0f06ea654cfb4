package io.fleetcast.control.store;

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

    @Override
    public String toString() {
        return "PostgresTarget[" + jdbcUrl + ", user=" + user + "]";
    }
}
