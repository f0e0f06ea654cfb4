package io.fleetcast.control.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/** A Redis as operators run it: a password and a database other than 0, in the URL. */
@ExtendWith(StoresExtension.class)
class PasswordRedisTest {
    private static final String PASSWORD = "redis-s3cret-for-the-test";

    @Test
    void relayQueueAndPoolAllUseThePasswordAndDatabaseOfTheUrl(TestStores stores) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("requirepass " + PASSWORD).setting("save \"\"").setting("appendonly no").build();
        redis.start();
        String url = "redis://:" + PASSWORD + "@127.0.0.1:" + port + "/2";
        try (TestServer server = TestServer.start(stores, Map.of("REDIS_URL", url), null)) {
            TestClient client = server.client();
            TestClient.Session owner = client.signUp("owner");
            TestClient.Session visitor = client.signUp("visitor");
            TestClient.NewRobot rover = client.createRobot(owner, "rover", "private");
            long playroom = server.server().robots().create(owner.userId(), "playroom", RobotKind.PLAYROOM).robot().id();
            assertThat(server.server().stores().redis().ping()).as("the pool").isTrue();
            try (Probe robot = Probe.welcomed(ws(server, rover.id(), "key=" + rover.streamKey()));
                 Probe driving = Probe.welcomed(ws(server, rover.id(), "token=" + owner.token()))) {
                driving.send("{\"type\":\"command\",\"seq\":1,\"action\":\"forward\",\"args\":{}}");
                JsonNode command = robot.await("command", m -> m.path("action").asText().equals("forward"));
                assertThat(command.path("user").asLong()).as("relayed through the relay").isEqualTo(owner.userId());
            }
            try (Probe visiting = Probe.welcomed(ws(server, playroom, "token=" + visitor.token()))) {
                visiting.send("{\"type\":\"queue\",\"action\":\"join\"}");
                assertThat(visiting.await("queue", m -> m.path("event").asText().equals("promoted"))
                        .path("driver").asLong()).as("the queue's scripts").isEqualTo(visitor.userId());
            }
            try (Jedis direct = new Jedis(URI.create(url))) {
                assertThat(direct.dbSize()).as("the service's keys are in database 2").isPositive();
                direct.select(0);
                assertThat(direct.dbSize()).as("nothing in database 0").isZero();
            }
            assertThat(new RedisAddress(URI.create(url)).toString()).doesNotContain(PASSWORD);
        } finally {
            redis.stop();
        }
    }

    private static URI ws(TestServer server, long robot, String query) {
        return URI.create("ws://127.0.0.1:" + server.server().port() + "/control/robot_" + robot + "?" + query);
    }
}
