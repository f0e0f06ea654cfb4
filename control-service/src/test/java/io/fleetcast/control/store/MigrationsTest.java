package io.fleetcast.control.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoresExtension.class)
class MigrationsTest {
    @Test
    void buildsTheWholeSchemaOnAnEmptyDatabaseAndIsIdempotent(TestStores stores) {
        try (Database db = new Database(stores.freshDatabase(), 2, null)) {
            db.migrate();
            db.migrate();
            List<String> tables = db.withConnection(c -> {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            });
            assertThat(tables).contains("users", "robots", "permissions", "auth_events", "revoked_tokens");
            assertThat(columns(db, "users")).contains("token_version", "disabled_at");
            assertThat(columns(db, "robots")).contains("owner_id", "name", "kind", "stream_key_hash", "created_at",
                    "updated_at");
            assertThat(columns(db, "auth_events")).contains("robot_id", "action", "protocol", "ip", "allowed", "reason");
        }
    }

    @Test
    void schemaRefusesBadKindsAndASecondPlayroom(TestStores stores) {
        try (Database db = new Database(stores.freshDatabase(), 2, null)) {
            db.migrate();
            db.withConnection(c -> c.createStatement().executeUpdate(
                    "INSERT INTO users (name, role, password_hash) VALUES ('u', 'user', 'x')"));
            String insert = "INSERT INTO robots (owner_id, name, kind, stream_key_hash) "
                    + "SELECT id, 'r', '%s', decode(repeat('00', 32), 'hex') FROM users";
            assertThatThrownBy(() -> db.withConnection(c -> c.createStatement().executeUpdate(insert.formatted("public"))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("23514");
            db.withConnection(c -> c.createStatement().executeUpdate(insert.formatted("playroom")));
            assertThatThrownBy(() -> db.withConnection(c -> c.createStatement().executeUpdate(insert.formatted("playroom"))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("23505");
        }
    }

    @Test
    void rollsBackAFailedTransaction(TestStores stores) {
        try (Database db = new Database(stores.freshDatabase(), 2, null)) {
            db.migrate();
            assertThatThrownBy(() -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO users (name, role, password_hash) VALUES ('t', 'user', 'x')");
                throw new SQLException("boom", "XX000");
            })).isInstanceOf(StoreException.class);
            int count = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM users")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(count).isZero();
        }
    }

    private static List<String> columns(Database db, String table) {
        return db.withConnection(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, "public", table, null)) {
                while (rs.next()) {
                    names.add(rs.getString("COLUMN_NAME"));
                }
            }
            return names;
        });
    }
}
