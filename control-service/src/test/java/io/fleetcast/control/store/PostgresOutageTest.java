package io.fleetcast.control.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.LogCapture;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real PostgreSQL stopped under a running service, then started again on the same port and
 * data directory: the auth webhook fails closed with 503 within a second and logs the outage
 * once, sockets admitted before keep relaying, the API answers 503 JSON, the audit rows it could
 * not write are counted, and everything works again once PostgreSQL is back, without restarting
 * the service.
 */
@ExtendWith(StoresExtension.class)
class PostgresOutageTest {
    private static final String WATCH = DatabaseWatch.class.getName();

    @Test
    void authFailsClosedSocketsRelayApiAnswers503AndAllRecovers(TestStores stores, @TempDir Path data)
            throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(data, port);
        PostgresTarget target = new PostgresTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        try (LogCapture logs = LogCapture.start();
             TestServer server = TestServer.onDatabase(stores, target, Map.of(), new OwnerDrivesPlayroom())) {
            TestClient.Session owner = server.client().signUp("owner");
            TestClient.NewRobot robot = server.client().createRobot(owner, "rover", "private");
            assertThat(publish(server, robot)).isEqualTo(200);
            try (Probe robotSocket = Probe.welcomed(socket(server, robot, "key=" + robot.streamKey()));
                 Probe ownerSocket = Probe.welcomed(socket(server, robot, "token=" + owner.token()))) {
                postgres.close();
                long stopped = System.nanoTime();
                int status = publish(server, robot);
                while (status == 200 && System.nanoTime() - stopped < Duration.ofSeconds(2).toNanos()) {
                    status = publish(server, robot);
                }
                long failedClosedMillis = (System.nanoTime() - stopped) / 1_000_000;
                assertThat(status).as("the webhook fails closed").isEqualTo(503);
                assertThat(failedClosedMillis).as("ms from the stop to the first 503").isLessThan(1000);
                for (int i = 0; i < 20; i++) {
                    assertThat(publish(server, robot)).isEqualTo(503);
                }

                ownerSocket.send("{\"type\":\"command\",\"seq\":7,\"action\":\"go\",\"args\":{}}");
                assertThat(robotSocket.await("command").path("seq").asInt()).as("admitted sockets relay").isEqualTo(7);

                TestClient.Reply api = server.client().get("/api/robots", owner.token());
                assertThat(api.status()).isEqualTo(503);
                assertThat(api.contentType()).startsWith("application/json");
                assertThat(api.error()).isEqualTo("unavailable");
                assertThat(server.client().get("/health", null).status()).isEqualTo(503);

                postgres = start(data, port);
                awaitAllowed(server, robot);
                assertThat(server.client().get("/api/robots", owner.token()).status()).isEqualTo(200);
                assertThat(server.client().get("/health", null).status()).isEqualTo(200);
                ownerSocket.send("{\"type\":\"command\",\"seq\":8,\"action\":\"go\",\"args\":{}}");
                assertThat(robotSocket.await("command").path("seq").asInt()).isEqualTo(8);
            }
            assertThat(logs.lines(WATCH, Level.WARNING)).as("the outage is logged once").hasSize(1);
            assertThat(logs.lines(WATCH, Level.INFO)).as("and its end once").hasSize(2);
            assertThat(logs.lines("io.fleetcast.control.auth.AuthRoutes", Level.WARNING)).as("no line per refused request")
                    .isEmpty();
            assertThat(logs.lines("io.fleetcast.control.auth.AuthAudit", Level.WARNING))
                    .as("audit rows it could not write are dropped, logged once").hasSize(1);
            assertThat(server.server().registry().get("fleetcast_auth_audit_dropped").counter().count())
                    .as("and counted").isPositive();
        } finally {
            postgres.close();
        }
    }

    private static void awaitAllowed(TestServer server, TestClient.NewRobot robot) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = publish(server, robot);
        while (status != 200 && System.nanoTime() < deadline) {
            assertThat(status).as("fails closed until PostgreSQL answers").isEqualTo(503);
            Thread.sleep(100);
            status = publish(server, robot);
        }
        assertThat(status).as("allowed again once PostgreSQL is back").isEqualTo(200);
    }

    private static int publish(TestServer server, TestClient.NewRobot robot) {
        return server.internal().post("/internal/auth", MediaMtxBody.of("publish", robot.path(), "rtmp")
                .ip("203.0.113.70").user(robot.path(), robot.streamKey()).toMap(), null).status();
    }

    private static URI socket(TestServer server, TestClient.NewRobot robot, String query) {
        return URI.create("ws://127.0.0.1:" + server.server().port() + "/control/" + robot.path() + "?" + query);
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
