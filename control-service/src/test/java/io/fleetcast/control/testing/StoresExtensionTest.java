package io.fleetcast.control.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.store.PostgresTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;

@ExtendWith(StoresExtension.class)
class StoresExtensionTest {
    @Test
    void givesAnEmptyRealPostgresDatabase(TestStores stores) throws Exception {
        PostgresTarget target = stores.freshDatabase();
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void givesARealRedis(TestStores stores) {
        try (Jedis jedis = new Jedis(stores.redisUri())) {
            jedis.set("fleetcast:test", "ok");
            assertThat(jedis.get("fleetcast:test")).isEqualTo("ok");
        }
    }

    @Test
    void startsStoresOncePerRun(TestStores first, TestStores second) {
        assertThat(first).isSameAs(second);
    }

    @Test
    void replacesTheDatabaseNameInAJdbcUrl() {
        assertThat(TestStores.withDatabase("jdbc:postgresql://h:5432/postgres?user=u", "x"))
                .isEqualTo("jdbc:postgresql://h:5432/x?user=u");
        assertThat(TestStores.withDatabase("jdbc:postgresql://h:5432", "x")).isEqualTo("jdbc:postgresql://h:5432/x");
    }
}
