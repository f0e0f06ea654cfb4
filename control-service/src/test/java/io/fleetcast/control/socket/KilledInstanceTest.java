package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.bench.RelayInstance;
import io.fleetcast.control.bench.SyntheticAccess;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.relay.RedisAddress;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An instance in its own JVM, killed with SIGKILL: nothing on it runs any more, yet a turn it
 * started ends on time on the surviving instance, and the robots it held are shown offline there
 * within 5 s, their owners alerted once.
 */
@ExtendWith(StoresExtension.class)
class KilledInstanceTest {

    private static final long PLAYROOM = 2;

    @Test
    void turnStartedOnKilledInstanceEndsOnTimeOnTheOther(TestStores stores) throws Exception {
        stores.flushRedis();
        RedisAddress redis = new RedisAddress(stores.redisUri());
        QueueSettings queue = new QueueSettings(Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 100, Duration.ofMillis(50));
        Process doomed = startInstance(redis);
        try (ControlServer survivor = new ControlServer(new SyntheticAccess(1), redis,
                SocketSettings.defaults(), queue)) {
            int port = awaitReady(doomed);
            Probe five = Probe.welcomed(URI.create("ws://127.0.0.1:" + port + "/control/robot_"
                    + PLAYROOM + "?token=u5"));
            try (Probe six = Probe.welcomed(survivor.ws(PLAYROOM, "token=u6"))) {
                five.send("{\"type\":\"queue\",\"action\":\"join\"}");
                five.await("queue", m -> m.path("event").asText().equals("promoted"));
                six.send("{\"type\":\"queue\",\"action\":\"join\"}");
                six.await("queue", m -> m.path("event").asText().equals("joined"));
                five.send("{\"type\":\"queue\",\"action\":\"ready\"}");
                long turnEndsAt = six.await("queue",
                        m -> m.path("event").asText().equals("turn_started")).path("turnEndsAt")
                        .asLong();

                doomed.destroyForcibly().waitFor();

                JsonNode next = six.await("queue", m -> m.path("driver").asLong() == 6);
                long now = System.currentTimeMillis();
                assertThat(next.path("event").asText()).isEqualTo("turn_ended");
                assertThat(next.path("position").asInt()).isZero();
                assertThat(now).isBetween(turnEndsAt, turnEndsAt + 1_000);
            }
        } finally {
            doomed.destroyForcibly();
        }
    }

    @Test
    void aRobotOnAKilledInstanceIsShownOfflineWithinFiveSeconds(TestStores stores) throws Exception {
        stores.flushRedis();
        RedisAddress redis = new RedisAddress(stores.redisUri());
        Process doomed = startInstance(redis);
        try (ControlServer survivor = new ControlServer(new SyntheticAccess(1), redis, SocketSettings.defaults(),
                QueueSettings.defaults())) {
            int port = awaitReady(doomed);
            Probe robot = Probe.welcomed(URI.create("ws://127.0.0.1:" + port + "/control/robot_1?key=k1"));
            try (Probe viewer = Probe.open(survivor.ws(1, "token=u7"))) {
                assertThat(viewer.await("welcome").path("robotOnline").asBoolean()).isTrue();

                doomed.destroyForcibly().waitFor();
                long killed = System.nanoTime();

                JsonNode offline = viewer.awaitFrame(m -> m.path("type").asText().equals("presence"),
                        "the offline event", Duration.ofSeconds(10));
                long millis = (System.nanoTime() - killed) / 1_000_000;
                assertThat(offline.path("online").asBoolean()).isFalse();
                assertThat(offline.path("robot").asLong()).isEqualTo(1);
                assertThat(millis).as("ms from the kill to the offline event").isLessThanOrEqualTo(5_500);
            }
            robot.close();
        } finally {
            doomed.destroyForcibly();
        }
    }

    @Test
    void aRobotOnAKilledInstanceIsOneOfflineAlertForItsOwnerOnTheSurvivor(TestStores stores) throws Exception {
        stores.flushRedis();
        RedisAddress redis = new RedisAddress(stores.redisUri());
        Process doomed = startInstance(redis);
        try (ControlServer survivor = new ControlServer(new SyntheticAccess(1), redis, SocketSettings.defaults(),
                QueueSettings.defaults())) {
            int port = awaitReady(doomed);
            Probe robot = Probe.welcomed(URI.create("ws://127.0.0.1:" + port + "/control/robot_1?key=k1"));
            try (Probe owner = Probe.open(survivor.ws(1, "token=u1000001"))) {
                assertThat(owner.await("welcome").path("role").asText()).isEqualTo("owner");

                doomed.destroyForcibly().waitFor();

                JsonNode alert = owner.awaitFrame(m -> m.path("type").asText().equals("alert"), "the offline alert",
                        Duration.ofSeconds(10));
                assertThat(alert.path("kind").asText()).isEqualTo("robot_offline");
                assertThat(alert.path("active").asBoolean()).isTrue();
                assertThat(owner.drain(Duration.ofSeconds(2)))
                        .noneMatch(m -> m.path("type").asText().equals("alert"));
            }
            robot.close();
        } finally {
            doomed.destroyForcibly();
        }
    }

    private static Process startInstance(RedisAddress redis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), RelayInstance.class.getName(),
                Integer.toString(redis.uri().getPort()), "1");
        builder.environment().put("CONTROL_QUEUE_TURN_SECONDS", "2");
        builder.environment().put("CONTROL_QUEUE_READY_SECONDS", "5");
        builder.environment().put("CONTROL_QUEUE_IDLE_SECONDS", "30");
        builder.environment().put("CONTROL_QUEUE_GRACE_SECONDS", "30");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    private static int awaitReady(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new AssertionError("the instance exited before it was ready");
    }
}
