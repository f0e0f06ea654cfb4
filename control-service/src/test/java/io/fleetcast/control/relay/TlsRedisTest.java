package io.fleetcast.control.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestCertificates;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A Redis that speaks TLS only ({@code rediss://}), with a certificate from a private CA, a
 * password and database 2: every client trusts REDIS_TLS_CA_FILE and verifies the hostname.
 */
@ExtendWith(StoresExtension.class)
class TlsRedisTest {
    private static final String PASSWORD = "redis-tls-s3cret-for-the-test";

    @TempDir
    static Path dir;
    static TestCertificates certificates;
    static RedisServer redis;
    static int port;

    @BeforeAll
    static void startTlsRedis() throws IOException {
        certificates = TestCertificates.make(dir);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // 127.0.0.2 reaches the same server under an address the certificate does not name.
        redis = RedisServer.newRedisServer().port(0).bind("127.0.0.1 127.0.0.2")
                .setting("tls-port " + port)
                .setting("tls-cert-file " + certificates.serverCertificate())
                .setting("tls-key-file " + certificates.serverKey())
                .setting("tls-ca-cert-file " + certificates.caCertificate())
                .setting("tls-auth-clients no")
                .setting("requirepass " + PASSWORD).setting("save \"\"").setting("appendonly no").build();
        redis.start();
    }

    @AfterAll
    static void stopTlsRedis() throws IOException {
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void relayQueueAndPoolWorkOverTlsTrustingThePrivateCa(TestStores stores) {
        Map<String, String> env = Map.of("REDIS_URL", url("localhost", 2),
                "REDIS_TLS_CA_FILE", certificates.caCertificate().toString());
        try (TestServer a = TestServer.start(stores, env, new OwnerDrivesPlayroom());
             TestServer b = TestServer.onDatabase(stores, a.database(), env, new OwnerDrivesPlayroom())) {
            TestClient client = a.client();
            TestClient.Session owner = client.signUp("owner");
            TestClient.Session visitor = client.signUp("visitor");
            TestClient.NewRobot rover = client.createRobot(owner, "rover", "private");
            long playroom = a.server().robots().create(owner.userId(), "playroom", RobotKind.PLAYROOM).robot().id();
            assertThat(a.server().stores().redis().ping()).as("the pool").isTrue();
            try (Probe robot = Probe.welcomed(ws(a, rover.id(), "key=" + rover.streamKey()));
                 Probe driving = Probe.welcomed(ws(b, rover.id(), "token=" + owner.token()))) {
                driving.send("{\"type\":\"command\",\"seq\":1,\"action\":\"forward\",\"args\":{}}");
                JsonNode command = robot.await("command", m -> m.path("action").asText().equals("forward"));
                assertThat(command.path("user").asLong()).as("a command across instances").isEqualTo(owner.userId());
                robot.send("{\"type\":\"state\",\"at\":5,\"data\":{\"battery\":0.8}}");
                assertThat(driving.await("state").path("data").path("battery").asDouble())
                        .as("a state across instances").isEqualTo(0.8);
            }
            try (Probe visiting = Probe.welcomed(ws(b, playroom, "token=" + visitor.token()))) {
                visiting.send("{\"type\":\"queue\",\"action\":\"join\"}");
                assertThat(visiting.await("queue", m -> m.path("event").asText().equals("promoted"))
                        .path("driver").asLong()).as("the queue's scripts").isEqualTo(visitor.userId());
            }
            RedisAddress database0 = new RedisAddress(URI.create(url("localhost", 0)),
                    RedisTls.trusting(certificates.caCertificate()));
            try (Jedis direct = database0.connection()) {
                assertThat(direct.dbSize()).as("nothing in database 0").isZero();
                direct.select(2);
                assertThat(direct.dbSize()).as("the service's keys are in database 2").isPositive();
            }
        }
    }

    @Test
    void refusesToStartWhenTheServersCertificateIsNotTrusted(TestStores stores) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> TestServer.start(stores, Map.of("REDIS_URL", url("localhost", 2)), null))
                        .hasMessageContaining("REDIS_URL rediss://***@localhost:" + port + "/2")
                        .hasMessageContaining("TLS handshake failed")
                        .hasMessageContaining("REDIS_TLS_CA_FILE")
                        .hasMessageNotContaining(PASSWORD));
    }

    @Test
    void refusesAServerWhoseCertificateNamesAnotherHost(TestStores stores) {
        Map<String, String> env = Map.of("REDIS_URL", url("127.0.0.2", 2),
                "REDIS_TLS_CA_FILE", certificates.caCertificate().toString());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> TestServer.start(stores, env, null))
                        .hasMessageContaining("REDIS_URL rediss://***@127.0.0.2:" + port + "/2")
                        .hasMessageContaining("TLS handshake failed"));
    }

    private static String url(String host, int database) {
        return "rediss://:" + PASSWORD + "@" + host + ":" + port + "/" + database;
    }

    private static URI ws(TestServer server, long robot, String query) {
        return URI.create("ws://127.0.0.1:" + server.server().port() + "/control/robot_" + robot + "?" + query);
    }
}
