package io.fleetcast.control.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.store.PostgresTarget;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.Prometheus;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operators' rules in {@code config/prometheus}: they pass promtool, and a real Prometheus on
 * them, scraping a running control service, fires the auth-unavailable alert while PostgreSQL is
 * stopped and resolves it once PostgreSQL is back.
 */
@ExtendWith(StoresExtension.class)
class PrometheusRulesTest {
    private static final Path RULES_DIR = Path.of("../config/prometheus").toAbsolutePath().normalize();

    @Test
    void rulesPassPromtoolCheckAndTheirUnitTests() throws Exception {
        Prometheus.ToolResult check = Prometheus.promtool(RULES_DIR, "check", "rules", "rules.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
        Prometheus.ToolResult unit = Prometheus.promtool(RULES_DIR, "test", "rules", "rules.test.yml");
        assertThat(unit.exitCode()).as(unit.output()).isZero();
    }

    @Test
    void authUnavailableFiresWhilePostgresIsStoppedAndResolvesWhenItIsBack(TestStores stores, @TempDir Path dir)
            throws Exception {
        int pgPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            pgPort = socket.getLocalPort();
        }
        Path pgData = Files.createDirectories(dir.resolve("pg"));
        EmbeddedPostgres postgres = startPostgres(pgData, pgPort);
        PostgresTarget target = new PostgresTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        AtomicBoolean asking = new AtomicBoolean(true);
        try (TestServer server = TestServer.onDatabase(stores, target, Map.of(), new OwnerDrivesPlayroom());
             Prometheus prometheus = new Prometheus(Files.createDirectories(dir.resolve("prometheus")),
                     "fleetcast-control", server.server().internalUri(), quickened(Files.readString(RULES_DIR.resolve("rules.yml"))))) {
            TestClient client = server.client();
            TestClient.NewRobot robot = client.createRobot(client.signUp("owner"), "rover", "private");
            // MediaMTX asks on every publish; here one publish check every 100 ms.
            Thread asker = Thread.ofPlatform().daemon().start(() -> {
                while (asking.get()) {
                    server.internal().post("/internal/auth", MediaMtxBody.of("publish", robot.path(), "rtmp")
                            .user(robot.path(), robot.streamKey()).toMap(), null);
                    sleep(100);
                }
            });
            Thread.sleep(4000);
            assertThat(prometheus.alerts()).as("while PostgreSQL is up")
                    .noneMatch(a -> a.startsWith("FleetcastAuthUnavailable") || a.startsWith("FleetcastDatabaseDown"));

            postgres.close();
            awaitAlerts(prometheus, "FleetcastAuthUnavailable firing",
                    alerts -> alerts.contains("FleetcastAuthUnavailable firing")
                            && alerts.contains("FleetcastDatabaseDown firing"), Duration.ofSeconds(40));

            postgres = startPostgres(pgData, pgPort);
            awaitAlerts(prometheus, "FleetcastAuthUnavailable resolved",
                    alerts -> alerts.stream().noneMatch(a -> a.startsWith("FleetcastAuthUnavailable")
                            || a.startsWith("FleetcastDatabaseDown")),
                    Duration.ofSeconds(40));
            asking.set(false);
            asker.join();
        } finally {
            asking.set(false);
            postgres.close();
        }
    }

    /**
     * The shipped rules on a test's time scale: every {@code for} is 2 s and every range 5 s (the
     * expressions stay as shipped), with Prometheus scraping and evaluating every second.
     */
    static String quickened(String rules) {
        return rules.replaceAll("for: \\d+[smh]", "for: 2s").replaceAll("\\[\\d+[smh]]", "[5s]");
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static void awaitAlerts(Prometheus prometheus, String what, Predicate<List<String>> done, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> alerts = prometheus.alerts();
        while (!done.test(alerts) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            alerts = prometheus.alerts();
        }
        assertThat(done.test(alerts)).as(what + "; alerts now: " + alerts).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
