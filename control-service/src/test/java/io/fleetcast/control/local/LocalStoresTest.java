package io.fleetcast.control.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.store.PostgresTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** The embedded servers of the run command keep their data across restarts. */
class LocalStoresTest {
    @Test
    void postgresDataSurvivesARestartAndARunningServerIsShared(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (LocalPostgres first = LocalPostgres.attachOrStart(data)) {
            execute(first.target(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
            try (LocalPostgres second = LocalPostgres.attachOrStart(data)) {
                assertThat(second.target().jdbcUrl()).isEqualTo(first.target().jdbcUrl());
            }
            assertThat(read(first.target())).as("closing an attached client leaves the server up").isEqualTo("still here");
        }
        try (LocalPostgres restarted = LocalPostgres.attachOrStart(data)) {
            assertThat(read(restarted.target())).isEqualTo("still here");
        }
    }

    @Test
    void redisDataSurvivesARestart(@TempDir Path dir) {
        Path data = dir.resolve("redis");
        try (LocalRedis first = LocalRedis.attachOrStart(data); Jedis jedis = new Jedis(first.uri())) {
            jedis.set("kept", "still here");
        }
        try (LocalRedis restarted = LocalRedis.attachOrStart(data); Jedis jedis = new Jedis(restarted.uri())) {
            assertThat(jedis.get("kept")).isEqualTo("still here");
        }
    }

    private static void execute(PostgresTarget target, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            c.createStatement().execute(sql);
        }
    }

    private static String read(PostgresTarget target) throws Exception {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
