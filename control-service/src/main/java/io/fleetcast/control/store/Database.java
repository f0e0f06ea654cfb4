package io.fleetcast.control.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;

/**
 * The one way to reach PostgreSQL: a connection pool plus {@link #withConnection} and
 * {@link #inTransaction}, so no caller can leak a connection or forget a rollback.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    public Database(PostgresTarget target, int poolSize, MeterRegistry registry) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.jdbcUrl());
        // Empty means "not given": credentials may also be inside the JDBC URL (?user=&password=).
        if (!target.user().isEmpty()) {
            config.setUsername(target.user());
        }
        if (!target.password().isEmpty()) {
            config.setPassword(target.password());
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("fleetcast-db");
        // Fail fast when PostgreSQL is down: callers answer 503 instead of hanging.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("connectTimeout", "2");
        if (registry != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        this.pool = new HikariDataSource(config);
    }

    /** Applies the migrations in {@code db/migration} (an empty database gets the whole schema). */
    public void migrate() {
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("database migration failed: " + e.getMessage(), e);
        }
    }

    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    public <T> T inTransaction(SqlWork<T> work) {
        return withConnection(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /** True when a connection can be taken and answers within a second. */
    public boolean ping() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException || state.startsWith("08")
                || state.startsWith("57P") || closed.get()) {
            return new StoreUnavailableException("database unavailable: " + e.getMessage(), e);
        }
        return new StoreException("database error " + state + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
        }
    }
}
