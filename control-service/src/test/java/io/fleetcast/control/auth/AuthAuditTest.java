package io.fleetcast.control.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.store.PostgresTarget;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoresExtension.class)
class AuthAuditTest {
    @Test
    void auditsEveryDecisionWithoutAnySecret(TestStores stores) throws Exception {
        try (TestServer server = TestServer.start(stores)) {
            TestClient client = server.client();
            TestClient.Session owner = client.signUp("owner");
            TestClient.NewRobot robot = client.createRobot(owner, "rover", "private");
            post(server.internal(), Credential.RTMP_USER_PASS.apply(MediaMtxBody.of("publish", robot.path(), "rtmp").ip("192.0.2.7"),
                    robot.streamKey()));
            post(server.internal(), Credential.RTMP_USER_PASS.apply(MediaMtxBody.of("publish", robot.path(), "rtmp").ip("192.0.2.8"),
                    "wrong-" + robot.streamKey()));
            post(server.internal(), Credential.BEARER.apply(MediaMtxBody.of("read", robot.path(), "webrtc").ip("192.0.2.9"),
                    owner.token()));

            post(server.internal(), MediaMtxBody.of("read", "odd\\path\twith tab", "hls").ip("192.0.2.10"));

            List<List<String>> rows = awaitRows(server.database(), 4);
            assertThat(rows).anySatisfy(r -> assertThat(r).containsSequence(
                    "odd\\path?with tab", "read", "hls", "192.0.2.10", "f", "403", "unknown path"));
            assertThat(rows).anySatisfy(r -> assertThat(r).containsSequence(
                    String.valueOf(robot.id()), "", robot.path(), "publish", "rtmp", "192.0.2.7", "t", "200",
                    "stream key accepted"));
            assertThat(rows).anySatisfy(r -> assertThat(r).containsSequence(
                    robot.path(), "publish", "rtmp", "192.0.2.8", "f", "403", "wrong stream key"));
            assertThat(rows).anySatisfy(r -> assertThat(r).containsSequence(
                    String.valueOf(robot.id()), String.valueOf(owner.userId()), robot.path(), "read", "webrtc",
                    "192.0.2.9", "t", "200", "owner"));
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertThat(cell).doesNotContain(robot.streamKey()).doesNotContain(owner.token());
                }
            }
        }
    }

    @Test
    void countsEveryDecisionOfABurst(TestStores stores) throws Exception {
        try (TestServer server = TestServer.start(stores)) {
            TestClient client = server.client();
            TestClient.Session owner = client.signUp("owner");
            TestClient.NewRobot robot = client.createRobot(owner, "rover", "private");
            for (int i = 0; i < 5; i++) {
                post(server.internal(), Credential.RTMP_USER_PASS.apply(MediaMtxBody.of("publish", robot.path(), "rtmp")
                        .ip("192.0.2.11"), "wrong-" + robot.streamKey()));
            }

            PostgresTarget db = server.database();
            long deadline = System.nanoTime() + 20_000_000_000L;
            long counted = 0;
            while (counted < 5 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                     ResultSet rs = c.createStatement().executeQuery(
                             "SELECT coalesce(sum(count), 0) FROM auth_events WHERE ip = '192.0.2.11'")) {
                    rs.next();
                    counted = rs.getLong(1);
                }
            }
            assertThat(counted).isEqualTo(5);
        }
    }

    private static void post(TestClient client, MediaMtxBody body) {
        client.post("/internal/auth", body.toMap(), null);
    }

    private static List<List<String>> awaitRows(PostgresTarget db, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<List<String>> rows = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 ResultSet rs = c.createStatement().executeQuery("SELECT coalesce(robot_id::text, ''), "
                         + "coalesce(user_id::text, ''), path, action, protocol, ip, allowed, status, reason "
                         + "FROM auth_events ORDER BY at")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            if (rows.size() >= count || System.nanoTime() > deadline) {
                return rows;
            }
            Thread.sleep(100);
        }
    }

}
