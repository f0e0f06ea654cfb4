package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.testing.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * Redis (with its append-only file, as compose runs it) stopped and started again under two
 * instances with open sockets on the playroom: nothing crashes, no socket closes, what clients
 * get meanwhile is at most {@code error unavailable}, and afterwards the relay carries commands
 * across instances again and the queue is as it was (same driver, same waiting order).
 * The relay's own reconnect is {@code relay.RedisRestartTest}.
 */
class RedisRestartQueueTest {
    private static final String JOIN = "{\"type\":\"queue\",\"action\":\"join\"}";
    private static final String READY = "{\"type\":\"queue\",\"action\":\"ready\"}";
    private static final String STATUS = "{\"type\":\"queue\",\"action\":\"status\"}";

    @Test
    void socketsSurviveARedisRestartAndTheQueueIsIntact(@TempDir Path dir) throws Exception {
        int port = freePort();
        RedisServer redis = redis(port, dir);
        redis.start();
        try (LogCapture logs = LogCapture.start();
             Fleet fleet = new Fleet(URI.create("redis://127.0.0.1:" + port), SocketSettings.defaults(),
                QueueSettings.defaults());
             Probe robot = fleet.robot(fleet.a, Fleet.PLAYROOM);
             Probe five = fleet.user(fleet.b, Fleet.PLAYROOM, "visitor-5");
             Probe six = fleet.user(fleet.a, Fleet.PLAYROOM, "visitor-6");
             Probe seven = fleet.user(fleet.b, Fleet.PLAYROOM, "visitor-7")) {
            five.send(JOIN);
            five.await("queue", m -> m.path("event").asText().equals("promoted"));
            five.send(READY);
            five.await("queue", m -> m.path("event").asText().equals("turn_started"));
            six.send(JOIN);
            six.await("queue", m -> m.path("position").asInt(-1) == 1);
            seven.send(JOIN);
            seven.await("queue", m -> m.path("position").asInt(-1) == 2);
            drive(five, robot, 1);

            redis.stop();
            List<JsonNode> during = new ArrayList<>();
            five.send(move(2));
            six.send(STATUS);
            during.addAll(five.drain(Duration.ofMillis(500)));
            during.addAll(six.drain(Duration.ofMillis(100)));
            during.addAll(robot.drain(Duration.ofMillis(100)));
            redis = redis(port, dir);
            redis.start();

            assertThat(during).as("what clients saw while Redis was down").allSatisfy(frame -> {
                if (frame.path("type").asText().equals("error")) {
                    assertThat(frame.path("code").asText()).isEqualTo("unavailable");
                }
            });
            drive(five, robot, 100);
            six.send(STATUS);
            JsonNode queue = six.await("queue", m -> m.has("driver"));
            assertThat(queue.path("driver").asLong()).as("same driver").isEqualTo(5);
            assertThat(queue.path("position").asInt()).as("same place").isEqualTo(1);
            assertThat(queue.path("length").asInt()).isEqualTo(2);
            seven.send(STATUS);
            assertThat(seven.await("queue", m -> m.has("position")).path("position").asInt()).isEqualTo(2);
            for (Probe probe : List.of(robot, five, six, seven)) {
                assertThat(probe.isClosed()).as("no socket was closed").isFalse();
            }
            assertThat(logs.lines("io.fleetcast", Level.SEVERE)).as("nothing failed hard").isEmpty();
        } finally {
            redis.stop();
        }
    }

    /** The driver's commands reach the robot on the other instance (retrying while the relay resubscribes). */
    private static void drive(Probe driver, Probe robot, int firstSeq) {
        for (int seq = firstSeq; seq < firstSeq + 50; seq++) {
            driver.send(move(seq));
            int expected = seq;
            List<JsonNode> got = robot.drain(Duration.ofMillis(200));
            if (got.stream().anyMatch(f -> f.path("type").asText().equals("command") && f.path("seq").asInt() == expected)) {
                return;
            }
        }
        throw new AssertionError("no command reached the robot after seq " + firstSeq);
    }

    private static String move(int seq) {
        return "{\"type\":\"command\",\"seq\":" + seq + ",\"action\":\"move\"}";
    }

    private static RedisServer redis(int port, Path dir) throws IOException {
        return RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("dir " + dir)
                .setting("appendonly yes").setting("appendfsync always").setting("save \"\"").build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
