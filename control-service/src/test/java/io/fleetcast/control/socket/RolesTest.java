package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every role's allowed and refused messages; senders on one instance, robots on the other. */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesTest {

    private static final String COMMAND =
            "{\"type\":\"command\",\"seq\":9,\"action\":\"move\",\"args\":{\"x\":1}}";
    private static final String CAP = "{\"type\":\"quality\",\"mode\":\"cap\",\"state\":\"LOW\"}";
    private static final String STATE = "{\"type\":\"state\",\"at\":1,\"data\":{\"speed\":2}}";
    private static final String METRICS = "{\"type\":\"metrics\",\"at\":1,"
            + "\"network\":{\"rttMs\":40},\"quality\":{\"state\":\"HIGH\"}}";
    private static final String ACK = "{\"type\":\"ack\",\"seq\":9,\"user\":1,\"ok\":true}";
    private static final String JOIN = "{\"type\":\"queue\",\"action\":\"join\"}";
    private static final String WELCOME = "{\"type\":\"welcome\",\"v\":1,\"robot\":10,"
            + "\"kind\":\"private\",\"role\":\"owner\",\"robotOnline\":true}";

    private Fleet fleet;
    private Probe privateRobot;
    private Probe playroomRobot;

    @BeforeAll
    void start(TestStores stores) {
        fleet = new Fleet(stores);
        privateRobot = fleet.robot(fleet.b, Fleet.PRIVATE);
        playroomRobot = fleet.robot(fleet.b, Fleet.PLAYROOM);
    }

    @AfterAll
    void stop() {
        privateRobot.close();
        playroomRobot.close();
        fleet.close();
    }

    @BeforeEach
    void forgetEarlierFrames() {
        privateRobot.drain(Duration.ofMillis(50));
        playroomRobot.drain(Duration.ofMillis(50));
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of("owner commands", Fleet.PRIVATE, "token=owner-token", COMMAND, "command"),
                Arguments.of("granted driver commands", Fleet.PRIVATE, "token=driver-token", COMMAND,
                        "command"),
                Arguments.of("owner caps quality", Fleet.PRIVATE, "token=owner-token", CAP,
                        "quality"),
                Arguments.of("playroom owner commands", Fleet.PLAYROOM, "token=owner-token",
                        COMMAND, "command"),
                Arguments.of("operator overrides the playroom's queue", Fleet.PLAYROOM, "token=operator-token",
                        COMMAND, "command"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void relaysAllowedMessageToRobot(String name, long robot, String query, String frame,
            String type) {
        try (Probe sender = Probe.welcomed(fleet.a.ws(robot, query))) {
            sender.send(frame);
            JsonNode received = (robot == Fleet.PRIVATE ? privateRobot : playroomRobot).await(type);
            assertThat(received.path("type").asText()).isEqualTo(type);
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("viewer commands", Fleet.PRIVATE, "token=viewer-token", COMMAND,
                        "not_driver"),
                Arguments.of("playroom visitor not driving commands", Fleet.PLAYROOM,
                        "token=visitor-5", COMMAND, "not_driver"),
                Arguments.of("anonymous spectator commands", Fleet.PLAYROOM, "", COMMAND,
                        "not_driver"),
                Arguments.of("drive grant on the playroom outside the queue commands", Fleet.PLAYROOM,
                        "token=driver-token", COMMAND, "not_driver"),
                Arguments.of("granted driver caps quality", Fleet.PRIVATE, "token=driver-token",
                        CAP, "forbidden"),
                Arguments.of("viewer caps quality", Fleet.PRIVATE, "token=viewer-token", CAP,
                        "forbidden"),
                Arguments.of("viewer sends state", Fleet.PRIVATE, "token=viewer-token", STATE,
                        "forbidden"),
                Arguments.of("owner sends metrics", Fleet.PRIVATE, "token=owner-token", METRICS,
                        "forbidden"),
                Arguments.of("driver sends ack", Fleet.PRIVATE, "token=driver-token", ACK,
                        "forbidden"),
                Arguments.of("owner sends a server message", Fleet.PRIVATE, "token=owner-token",
                        WELCOME, "forbidden"),
                Arguments.of("queue on a private robot", Fleet.PRIVATE, "token=owner-token", JOIN,
                        "not_playroom"),
                Arguments.of("anonymous spectator joins", Fleet.PLAYROOM, "", JOIN, "forbidden"),
                Arguments.of("robot commands itself", Fleet.PRIVATE, "key=key-10", COMMAND,
                        "forbidden"),
                Arguments.of("robot caps quality", Fleet.PRIVATE, "key=key-10", CAP, "forbidden"),
                Arguments.of("robot joins the queue", Fleet.PLAYROOM, "key=key-20", JOIN,
                        "forbidden"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesMessageAndNothingReachesRobot(String name, long robot, String query, String frame,
            String code) {
        Probe robotProbe = robot == Fleet.PRIVATE ? privateRobot : playroomRobot;
        boolean senderIsRobot = query.startsWith("key=");
        Probe sender = senderIsRobot ? robotProbe : Probe.welcomed(fleet.a.ws(robot, query));
        try {
            sender.send(frame);
            JsonNode error = sender.await("error");
            assertThat(error.path("code").asText()).isEqualTo(code);
            if (!senderIsRobot) {
                List<JsonNode> atRobot = robotProbe.drain(Duration.ofMillis(300));
                assertThat(atRobot).noneMatch(m -> m.path("type").asText().equals("command")
                        || m.path("type").asText().equals("quality"));
            }
        } finally {
            if (!senderIsRobot) {
                sender.close();
            }
        }
    }

    @Test
    void refusedCommandCarriesItsSeq() {
        try (Probe viewer = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=viewer-token"))) {
            viewer.send(COMMAND);
            assertThat(viewer.await("error").path("ref").asLong()).isEqualTo(9);
        }
    }

    @Test
    void viewerReceivesStateAndMetrics() {
        try (Probe viewer = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=viewer-token"))) {
            privateRobot.send(STATE);
            privateRobot.send(METRICS);
            assertThat(viewer.await("state").path("data").path("speed").asInt()).isEqualTo(2);
            assertThat(viewer.await("metrics").path("network").path("rttMs").asInt())
                    .isEqualTo(40);
        }
    }

    @Test
    void anonymousSpectatorWatchesPlayroom() {
        try (Probe spectator = Probe.open(fleet.a.ws(Fleet.PLAYROOM, ""))) {
            JsonNode welcome = spectator.await("welcome");
            assertThat(welcome.path("role").asText()).isEqualTo("viewer");
            assertThat(welcome.has("user")).isFalse();
            playroomRobot.send(STATE);
            assertThat(spectator.await("state").path("data").path("speed").asInt()).isEqualTo(2);
        }
    }

    @Test
    void robotStopsWhenItsDriverLeaves() {
        Probe driver = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=driver-token"));
        driver.send(COMMAND);
        privateRobot.await("command", m -> m.path("action").asText().equals("move"));
        driver.socket().sendClose(1000, "done").join();
        JsonNode stop = privateRobot.await("command", m -> m.path("action").asText().equals("stop"));
        assertThat(stop.path("args").path("reason").asText()).isEqualTo("driver_left");
    }

    @Test
    void ownerHelloIsAnsweredWithWelcome() {
        try (Probe owner = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=owner-token"))) {
            owner.send("{\"type\":\"hello\",\"v\":1,\"client\":\"dashboard\"}");
            assertThat(owner.await("welcome").path("role").asText()).isEqualTo("owner");
            owner.send("{\"type\":\"hello\",\"v\":2}");
            assertThat(owner.await("error").path("code").asText())
                    .isEqualTo("unsupported_version");
        }
    }
}
