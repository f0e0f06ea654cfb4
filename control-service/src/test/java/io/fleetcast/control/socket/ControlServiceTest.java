package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole service twice (Main's routing, real PostgreSQL, one Redis): accounts, robots and
 * grants made through the API decide who may open which control socket, and the playroom queue
 * decides who reads the playroom over WebRTC.
 */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlServiceTest {

    private TestServer a;
    private TestServer b;
    private TestClient.Session owner;
    private TestClient.Session driver;
    private TestClient.Session stranger;
    private TestClient.Session visitor;
    private TestClient.NewRobot rover;
    private TestClient.NewRobot playroom;

    @BeforeAll
    void start(TestStores stores) {
        stores.flushRedis();
        a = TestServer.start(stores, Map.of(), null);
        b = TestServer.onDatabase(stores, a.database(), Map.of(), null);
        TestClient client = a.client();
        owner = client.signUp("owner");
        driver = client.signUp("driver");
        stranger = client.signUp("stranger");
        visitor = client.signUp("visitor");
        rover = client.createRobot(owner, "rover", "private");
        var created = a.server().robots().create(owner.userId(), "playroom", RobotKind.PLAYROOM);
        playroom = new TestClient.NewRobot(created.robot().id(), created.streamKey());
        a.server().permissions().grant(rover.id(), driver.userId(), Permission.DRIVE);
    }

    @AfterAll
    void stop() {
        a.close();
        b.close();
    }

    private URI ws(TestServer server, long robot, String query) {
        return URI.create("ws://127.0.0.1:" + server.server().port() + "/control/robot_" + robot
                + (query.isEmpty() ? "" : "?" + query));
    }

    Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("unknown robot", "/control/robot_999999", "token=" + owner.token(), 404),
                Arguments.of("not a robot path", "/control/rover", "token=" + owner.token(), 404),
                Arguments.of("wrong stream key", "/control/robot_" + rover.id(), "key=nope", 401),
                Arguments.of("another robot's key", "/control/robot_" + rover.id(),
                        "key=" + playroom.streamKey(), 401),
                Arguments.of("forged token", "/control/robot_" + rover.id(), "token=abc.def.ghi",
                        401),
                Arguments.of("no credentials on a private robot", "/control/robot_" + rover.id(),
                        "", 401),
                Arguments.of("user without a grant", "/control/robot_" + rover.id(),
                        "token=" + stranger.token(), 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesUpgradeBeforeItHappens(String name, String path, String query, int status) {
        URI uri = URI.create("ws://127.0.0.1:" + a.server().port() + path
                + (query.isEmpty() ? "" : "?" + query));
        Throwable failure = catchThrowable(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new Probe()).join());
        assertThat(failure).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode())
                .isEqualTo(status);
    }

    @Test
    void acceptsTokenInHeaderOrSubprotocol() {
        try (Probe byProtocol = Probe.open(ws(a, rover.id(), ""), "fleetcast.v1",
                "bearer." + owner.token())) {
            assertThat(byProtocol.socket().getSubprotocol()).isEqualTo("fleetcast.v1");
            assertThat(byProtocol.await("welcome").path("role").asText()).isEqualTo("owner");
        }
        Probe byHeader = new Probe();
        var socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + driver.token())
                .buildAsync(ws(b, rover.id(), ""), byHeader).join();
        assertThat(byHeader.await("welcome").path("role").asText()).isEqualTo("driver");
        socket.abort();
    }

    @Test
    void commandCrossesInstancesAndStateComesBack() {
        try (Probe robot = Probe.welcomed(ws(b, rover.id(), "key=" + rover.streamKey()));
                Probe driving = Probe.welcomed(ws(a, rover.id(), "token=" + driver.token()));
                Probe watching = Probe.welcomed(ws(b, rover.id(), "token=" + owner.token()))) {
            driving.send("{\"type\":\"command\",\"seq\":1,\"action\":\"forward\",\"args\":{}}");
            JsonNode command = robot.await("command", m -> m.path("action").asText().equals("forward"));
            assertThat(command.path("user").asLong()).isEqualTo(driver.userId());
            robot.send("{\"type\":\"state\",\"at\":1,\"data\":{\"moving\":true}}");
            assertThat(driving.await("state").path("data").path("moving").asBoolean()).isTrue();
            assertThat(watching.await("state").path("data").path("moving").asBoolean()).isTrue();
        }
    }

    @Test
    void onlyTheCurrentPlayroomDriverReadsItOverWebrtc() {
        assertThat(readPlayroomOverWebrtc(visitor.token())).isEqualTo(403);
        try (Probe robot = Probe.welcomed(ws(a, playroom.id(), "key=" + playroom.streamKey()));
                Probe visiting = Probe.welcomed(ws(b, playroom.id(), "token=" + visitor.token()))) {
            visiting.send("{\"type\":\"queue\",\"action\":\"join\"}");
            visiting.await("queue", m -> m.path("event").asText().equals("promoted"));
            assertThat(readPlayroomOverWebrtc(visitor.token())).as("not confirmed yet").isEqualTo(403);
            visiting.send("{\"type\":\"queue\",\"action\":\"ready\"}");
            visiting.await("queue", m -> m.path("event").asText().equals("turn_started"));

            assertThat(readPlayroomOverWebrtc(visitor.token())).isEqualTo(200);
            assertThat(readPlayroomOverWebrtc(owner.token())).isEqualTo(403);
            assertThat(readPlayroomOverWebrtc(stranger.token())).isEqualTo(403);

            visiting.send("{\"type\":\"queue\",\"action\":\"leave\"}");
            robot.await("command", m -> m.path("action").asText().equals("stop"));
            assertThat(readPlayroomOverWebrtc(visitor.token())).isEqualTo(403);
        }
    }

    private int readPlayroomOverWebrtc(String token) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("ip", "127.0.0.1");
        body.put("user", "");
        body.put("password", "");
        body.put("token", token);
        body.put("action", "read");
        body.put("path", "playroom");
        body.put("protocol", "webrtc");
        body.put("id", "6b1c0000-0000-0000-0000-000000000000");
        body.put("query", "");
        body.put("userAgent", "");
        return b.internal().post("/internal/auth", body, null).status();
    }
}
