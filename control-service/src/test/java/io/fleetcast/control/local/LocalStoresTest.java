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
        try (LocalPostgres first = LocalPostgres.attachOrStart(data, false)) {
            execute(first.target(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
            try (LocalPostgres second = LocalPostgres.attachOrStart(data, false)) {
                assertThat(second.target().jdbcUrl()).isEqualTo(first.target().jdbcUrl());
            }
            assertThat(read(first.target())).as("closing an attached client leaves the server up").isEqualTo("still here");
        }
        try (LocalPostgres restarted = LocalPostgres.attachOrStart(data, false)) {
            assertThat(read(restarted.target())).isEqualTo("still here");
        }
    }

    @Test
    void redisDataSurvivesARestart(@TempDir Path dir) {
        Path data = dir.resolve("redis");
        try (LocalRedis first = LocalRedis.attachOrStart(data, false); Jedis jedis = new Jedis(first.uri())) {
            jedis.set("kept", "still here");
        }
        try (LocalRedis restarted = LocalRedis.attachOrStart(data, false); Jedis jedis = new Jedis(restarted.uri())) {
            assertThat(jedis.get("kept")).isEqualTo("still here");
        }
    }

    @Test
    void adoptsAServerLeftRunningAndStopsItOnClose(@TempDir Path dir) throws Exception {
        try (LocalPostgres leftBehind = LocalPostgres.attachOrStart(dir.resolve("postgres"), false);
             LocalRedis leftBehindRedis = LocalRedis.attachOrStart(dir.resolve("redis"), false)) {
            int pgPort = Integer.parseInt(leftBehind.target().jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
            int redisPort = leftBehindRedis.uri().getPort();
            LocalPostgres.attachOrStart(dir.resolve("postgres"), true).close();
            LocalRedis.attachOrStart(dir.resolve("redis"), true).close();
            assertThat(awaitClosed(pgPort)).as("adopted PostgreSQL stopped").isTrue();
            assertThat(awaitClosed(redisPort)).as("adopted Redis stopped").isTrue();
        }
    }

    @Test
    void serviceLockTellsALiveServiceFromADeadOne(@TempDir Path dir) throws Exception {
        assertThat(ServiceLock.heldByAnother(dir)).isFalse();
        try (ServiceLock lock = ServiceLock.claim(dir)) {
            assertThat(ServiceLock.heldByAnother(dir)).as("our own lock").isFalse();
        }
        java.nio.file.Files.writeString(dir.resolve("service.pid"), Long.toString(ProcessHandle.current().parent()
                .orElseThrow().pid()));
        assertThat(ServiceLock.heldByAnother(dir)).isTrue();
        java.nio.file.Files.writeString(dir.resolve("service.pid"), "999999999");
        assertThat(ServiceLock.heldByAnother(dir)).isFalse();
    }

    private static boolean awaitClosed(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!Ports.accepting(port)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
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
