package io.fleetcast.control.testing;

import io.fleetcast.control.store.PostgresTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis a test run uses, started once per run by {@link StoresExtension}.
 * PostgreSQL comes from {@code POSTGRES_TEST_URL} (a JDBC URL; user and password from
 * {@code POSTGRES_TEST_USER} / {@code POSTGRES_TEST_PASSWORD} or inside the URL), else an
 * embedded PostgreSQL 15. Redis comes from {@code REDIS_TEST_URL}, else an embedded
 * redis-server on a free port.
 */
public final class TestStores implements AutoCloseable {
    private final EmbeddedPostgres embeddedPostgres;
    private final RedisServer embeddedRedis;
    private final PostgresTarget admin;
    private final URI redis;
    private final AtomicInteger databases = new AtomicInteger();
    private final String runId = Long.toString(ProcessHandle.current().pid()) + "_" + (System.nanoTime() % 100_000);
    private boolean closed;

    private TestStores(EmbeddedPostgres embeddedPostgres, PostgresTarget admin, RedisServer embeddedRedis, URI redis) {
        this.embeddedPostgres = embeddedPostgres;
        this.admin = admin;
        this.embeddedRedis = embeddedRedis;
        this.redis = redis;
    }

    static TestStores start(Map<String, String> env) {
        EmbeddedPostgres postgres = null;
        RedisServer redisServer = null;
        try {
            PostgresTarget admin;
            String url = env.get("POSTGRES_TEST_URL");
            if (url != null && !url.isBlank()) {
                admin = new PostgresTarget(url, env.get("POSTGRES_TEST_USER"), env.get("POSTGRES_TEST_PASSWORD"));
            } else {
                postgres = EmbeddedPostgres.builder().start();
                admin = new PostgresTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
            }
            URI redis;
            String redisUrl = env.get("REDIS_TEST_URL");
            if (redisUrl != null && !redisUrl.isBlank()) {
                redis = URI.create(redisUrl);
            } else {
                int port = freePort();
                redisServer = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                redisServer.start();
                redis = URI.create("redis://127.0.0.1:" + port);
            }
            return new TestStores(postgres, admin, redisServer, redis);
        } catch (IOException | RuntimeException e) {
            closeQuietly(postgres, redisServer);
            throw new IllegalStateException("cannot start test PostgreSQL/Redis: " + e.getMessage(), e);
        }
    }

    /** The server's maintenance database; prefer {@link #freshDatabase()} for tests. */
    public PostgresTarget postgres() {
        return admin;
    }

    /** A new, empty database on the test server, so each test class starts from nothing. */
    public PostgresTarget freshDatabase() {
        String name = "fleetcast_test_" + runId + "_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new PostgresTarget(withDatabase(admin.jdbcUrl(), name), admin.user(), admin.password());
    }

    public URI redisUri() {
        return redis;
    }

    /** Empties the test Redis; tests that count keys call it first. */
    public void flushRedis() {
        try (Jedis jedis = new Jedis(redis)) {
            jedis.flushAll();
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        int hostStart = "jdbc:postgresql://".length();
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String hostPart = jdbcUrl.substring(0, slash >= 0 ? slash : (query >= 0 ? query : jdbcUrl.length()));
        String params = query >= 0 ? jdbcUrl.substring(query) : "";
        return hostPart + "/" + database + params;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(embeddedPostgres, embeddedRedis);
    }

    private static void closeQuietly(EmbeddedPostgres postgres, RedisServer redis) {
        try {
            if (redis != null) {
                redis.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
