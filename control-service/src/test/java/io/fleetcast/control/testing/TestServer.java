package io.fleetcast.control.testing;

import io.fleetcast.control.ControlConfig;
import io.fleetcast.control.ControlServer;
import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.auth.PlayroomDriver;
import io.fleetcast.control.store.PostgresTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A full control service (Main's routing, real PostgreSQL and Redis) on a free port, the way
 * tests start one: its own fresh database, the run's Redis, a fixed signing secret.
 *
 * <pre>{@code
 * @ExtendWith(StoresExtension.class)
 * class SomeTest {
 *     TestServer server;
 *     @BeforeAll void start(TestStores stores) { server = TestServer.start(stores); }
 *     @AfterAll void stop() { server.close(); }
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {
    public static final String SECRET = "test-signing-secret-that-is-long-enough-0123456789";

    private final ControlServer server;
    private final PostgresTarget database;
    private final TestClient client;
    private final TestClient internal;
    private final Path dataDir;

    private TestServer(ControlServer server, PostgresTarget database, Path dataDir) {
        this.server = server;
        this.database = database;
        this.dataDir = dataDir;
        this.client = new TestClient(server.uri());
        this.internal = new TestClient(server.internalUri());
    }

    public static TestServer start(TestStores stores) {
        return start(stores, Map.of(), new OwnerDrivesPlayroom());
    }

    /** {@code env} overrides or adds configuration keys (e.g. {@code AUTH_FAILURE_LIMIT}). */
    public static TestServer start(TestStores stores, Map<String, String> env, PlayroomDriver driver) {
        return onDatabase(stores, stores.freshDatabase(), env, driver);
    }

    /** A second instance on the same database (for cross-instance behaviour). */
    public static TestServer onDatabase(TestStores stores, PostgresTarget database, Map<String, String> env,
                                        PlayroomDriver driver) {
        ControlConfig config = config(stores, database, env);
        return new TestServer(ControlServer.start(config, driver), database, config.dataDir());
    }

    public static ControlConfig config(TestStores stores, PostgresTarget database, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("CONTROL_HOST", "127.0.0.1");
        env.put("CONTROL_PORT", "0");
        env.put("CONTROL_INTERNAL_PORT", "0");
        env.put("POSTGRES_URL", database.jdbcUrl());
        env.put("POSTGRES_USER", database.user());
        env.put("POSTGRES_PASSWORD", database.password());
        env.put("POSTGRES_POOL_SIZE", "4");
        env.put("REDIS_URL", stores.redisUri().toString());
        env.put("TOKEN_SECRET", SECRET);
        env.put("FLEETCAST_DATA_DIR", tempDir().toString());
        env.putAll(overrides);
        return ControlConfig.fromEnv(env);
    }

    public ControlServer server() {
        return server;
    }

    public PostgresTarget database() {
        return database;
    }

    /** The public listener: API, pages, sockets. */
    public TestClient client() {
        return client;
    }

    /** The internal listener: {@code /internal/*} (as MediaMTX calls it) and {@code /metrics}. */
    public TestClient internal() {
        return internal;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("fleetcast-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        deleteQuietly(dataDir);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // an empty temporary directory left behind is harmless
        }
    }
}
