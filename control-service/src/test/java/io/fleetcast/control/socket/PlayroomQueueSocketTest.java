package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The playroom queue through real sockets on two instances, with short durations: turn 2 s,
 * ready check 1 s, grace 1.2 s, idle 10 s (1.5 s where idleness is the point).
 */
@ExtendWith(StoresExtension.class)
class PlayroomQueueSocketTest {

    private static final String JOIN = "{\"type\":\"queue\",\"action\":\"join\"}";
    private static final String READY = "{\"type\":\"queue\",\"action\":\"ready\"}";
    private static final String MOVE = "{\"type\":\"command\",\"seq\":1,\"action\":\"move\"}";

    private TestStores stores;
    private Fleet fleet;

    @BeforeEach
    void start(TestStores stores) {
        this.stores = stores;
        fleet = new Fleet(stores, SocketSettings.defaults(), Fleet.fastQueue());
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private Probe visitor(ControlServer on, long user) {
        return fleet.user(on, Fleet.PLAYROOM, "visitor-" + user);
    }

    private static JsonNode event(Probe probe, String name) {
        return probe.await("queue", m -> m.path("event").asText().equals(name));
    }

    @Test
    void membersOnBothInstancesSeePositionsAndTurnEnd() {
        try (Probe five = visitor(fleet.a, 5); Probe six = visitor(fleet.b, 6);
                Probe seven = visitor(fleet.a, 7)) {
            five.send(JOIN);
            assertThat(event(five, "promoted").path("position").asInt()).isZero();
            six.send(JOIN);
            assertThat(event(six, "joined").path("position").asInt()).isEqualTo(1);
            seven.send(JOIN);
            JsonNode sevenJoined = seven.await("queue",
                    m -> m.path("event").asText().equals("joined") && m.has("position"));
            assertThat(sevenJoined.path("position").asInt()).isEqualTo(2);
            assertThat(sevenJoined.path("length").asInt()).isEqualTo(2);

            five.send(READY);
            JsonNode started = event(six, "turn_started");
            assertThat(started.path("driver").asLong()).isEqualTo(5);
            assertThat(started.path("position").asInt()).isEqualTo(1);
            assertThat(started.path("turnEndsAt").asLong()).isGreaterThan(System.currentTimeMillis());
            assertThat(event(five, "turn_started").path("position").asInt()).isZero();
        }
    }

    @Test
    void currentDriverCommandsReachRobotAndWaitingMembersGetNotDriver() {
        try (Probe robot = fleet.robot(fleet.b, Fleet.PLAYROOM); Probe five = visitor(fleet.a, 5);
                Probe six = visitor(fleet.a, 6)) {
            five.send(JOIN);
            event(five, "promoted");
            six.send(JOIN);
            event(six, "joined");
            five.send(MOVE);
            assertThat(robot.await("command").path("user").asLong()).isEqualTo(5);
            assertThat(event(five, "turn_started").path("driver").asLong()).isEqualTo(5);
            six.send(MOVE);
            assertThat(six.await("error").path("code").asText()).isEqualTo("not_driver");
        }
    }

    @Test
    void turnExpiresAndNextDriverIsPromotedAndRobotStops() {
        try (Probe robot = fleet.robot(fleet.b, Fleet.PLAYROOM); Probe five = visitor(fleet.a, 5);
                Probe six = visitor(fleet.b, 6)) {
            five.send(JOIN);
            event(five, "promoted");
            six.send(JOIN);
            five.send(READY);
            long turnEndsAt = event(six, "turn_started").path("turnEndsAt").asLong();
            for (int i = 0; i < 6; i++) {
                five.send(MOVE);
                sleep(300);
            }
            JsonNode ended = event(six, "turn_ended");
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(turnEndsAt);
            assertThat(ended.path("driver").asLong()).isEqualTo(6);
            assertThat(ended.path("phase").asText()).isEqualTo("ready");
            assertThat(ended.path("position").asInt()).isZero();
            robot.await("command", m -> m.path("action").asText().equals("stop"));
            five.send(MOVE);
            assertThat(five.await("error").path("code").asText()).isEqualTo("not_driver");
        }
    }

    @Test
    void idleDriverIsSkipped() {
        fleet.close();
        fleet = new Fleet(stores, SocketSettings.defaults(), Fleet.fastQueue(Duration.ofMillis(1500)));
        try (Probe five = visitor(fleet.a, 5); Probe six = visitor(fleet.b, 6)) {
            five.send(JOIN);
            event(five, "promoted");
            six.send(JOIN);
            five.send(READY);
            long turnEndsAt = event(six, "turn_started").path("turnEndsAt").asLong();
            JsonNode idle = event(six, "idle");
            assertThat(System.currentTimeMillis()).isLessThan(turnEndsAt);
            assertThat(idle.path("driver").asLong()).isEqualTo(6);
        }
    }

    @Test
    void nextDriverWhoDoesNotConfirmIsSkipped() {
        try (Probe five = visitor(fleet.a, 5); Probe six = visitor(fleet.b, 6)) {
            five.send(JOIN);
            event(five, "promoted");
            six.send(JOIN);
            JsonNode skipped = event(six, "skipped");
            assertThat(skipped.path("driver").asLong()).isEqualTo(6);
            assertThat(skipped.path("position").asInt()).isZero();
            assertThat(event(five, "skipped").has("position")).as("5 left the queue").isFalse();
        }
    }

    @Test
    void driverReconnectingWithinGraceKeepsTurn() {
        try (Probe six = visitor(fleet.b, 6)) {
            Probe five = visitor(fleet.a, 5);
            five.send(JOIN);
            event(five, "promoted");
            six.send(JOIN);
            five.send(READY);
            event(six, "turn_started");
            five.socket().sendClose(1000, "tunnel").join();
            sleep(500);
            try (Probe back = Probe.open(fleet.b.ws(Fleet.PLAYROOM, "token=visitor-5"))) {
                JsonNode welcome = back.await("welcome");
                assertThat(welcome.path("role").asText()).as(back.drain(java.time.Duration.ofMillis(100)).toString()).isEqualTo("driver");
                assertThat(welcome.path("user").asLong()).isEqualTo(5);
                back.send(MOVE);
                sleep(1_000);
                assertThat(six.drain(java.time.Duration.ofMillis(10)))
                        .noneMatch(m -> m.path("event").asText().equals("disconnected"));
            }
        }
    }

    @Test
    void driverGoneLongerThanGraceLosesTurn() {
        try (Probe six = visitor(fleet.b, 6)) {
            Probe five = visitor(fleet.a, 5);
            five.send(JOIN);
            event(five, "promoted");
            six.send(JOIN);
            five.send(READY);
            event(six, "turn_started");
            five.close();
            JsonNode disconnected = event(six, "disconnected");
            assertThat(disconnected.path("driver").asLong()).isEqualTo(6);
        }
    }

    @Test
    void killedInstanceMidTurnStillEndsTurnOnTime() {
        try (Probe six = visitor(fleet.b, 6)) {
            Probe five = visitor(fleet.a, 5);
            five.send(JOIN);
            event(five, "promoted");
            six.send(JOIN);
            five.send(READY);
            long turnEndsAt = event(six, "turn_started").path("turnEndsAt").asLong();
            fleet.a.kill();
            JsonNode next = six.await("queue", m -> m.path("driver").asLong() == 6);
            long now = System.currentTimeMillis();
            assertThat(next.path("event").asText()).isEqualTo("turn_ended");
            assertThat(now).isGreaterThanOrEqualTo(turnEndsAt);
            assertThat(now).isLessThan(turnEndsAt + 1_000);
        }
    }

    @Test
    void queueSurvivesRestartOfEveryInstance() throws Exception {
        try (Probe five = visitor(fleet.a, 5); Probe six = visitor(fleet.b, 6);
                Probe seven = visitor(fleet.b, 7)) {
            five.send(JOIN);
            event(five, "promoted");
            six.send(JOIN);
            event(six, "joined");
            seven.send(JOIN);
            event(seven, "joined");
        }
        fleet.close();
        fleet = new Fleet(stores.redisUri(), stores);
        HttpResponse<String> response = Probe.HTTP.send(HttpRequest.newBuilder(
                        fleet.a.http("/api/robots/" + Fleet.PLAYROOM + "/queue"))
                        .header("Authorization", "Bearer visitor-7").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("driver").asLong()).isEqualTo(5);
        assertThat(body.path("length").asInt()).isEqualTo(2);
        assertThat(body.path("position").asInt()).isEqualTo(2);
    }

    @Test
    void queueEndpointAnswersForPlayroomOnly() throws Exception {
        HttpResponse<String> privateRobot = Probe.HTTP.send(HttpRequest.newBuilder(
                        fleet.a.http("/api/robots/" + Fleet.PRIVATE + "/queue")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(privateRobot.statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = Probe.HTTP.send(HttpRequest.newBuilder(
                        fleet.a.http("/api/robots/999/queue")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> badToken = Probe.HTTP.send(HttpRequest.newBuilder(
                        fleet.a.http("/api/robots/" + Fleet.PLAYROOM + "/queue"))
                        .header("Authorization", "Bearer nope").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badToken.statusCode()).isEqualTo(401);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
