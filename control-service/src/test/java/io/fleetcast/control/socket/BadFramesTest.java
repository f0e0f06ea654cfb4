package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets an error or a close, and never reaches the robot. */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadFramesTest {

    private Fleet fleet;
    private Probe robot;

    @BeforeAll
    void start(TestStores stores) {
        fleet = new Fleet(stores, SocketSettings.defaults(), QueueSettings.defaults());
        robot = fleet.robot(fleet.b, Fleet.PRIVATE);
    }

    @AfterAll
    void stop() {
        robot.close();
        fleet.close();
    }

    @BeforeEach
    void forgetEarlierFrames() {
        robot.drain(Duration.ofMillis(50));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{nope                                             | bad_json",
        "[1,2,3]                                           | bad_json",
        "{\"type\":\"teleport\"}                           | unknown_type",
        "{\"seq\":1}                                       | bad_message",
        "{\"type\":\"command\",\"seq\":1}                  | bad_message",
        "{\"type\":\"command\",\"seq\":-1,\"action\":\"go\"} | bad_message",
        "{\"type\":\"command\",\"seq\":1,\"action\":\"Go Left\"} | bad_message",
        "{\"type\":\"command\",\"seq\":1,\"action\":\"go\",\"args\":[1]} | bad_message",
        "{\"type\":\"quality\",\"mode\":\"pin\",\"state\":\"ULTRA\"} | bad_message",
        "{\"type\":\"queue\",\"action\":\"cut_in_line\"}  | bad_message",
    })
    void badInputGetsErrorAndSocketStays(String frame, String code) {
        try (Probe owner = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=owner-token"))) {
            owner.send(frame.trim());
            assertThat(owner.await("error").path("code").asText()).isEqualTo(code);

            owner.send("{\"type\":\"command\",\"seq\":2,\"action\":\"still_here\",\"args\":{}}");
            JsonNode command = robot.await("command", m -> !m.path("action").asText().equals("stop"));
            assertThat(command.path("action").asText()).isEqualTo("still_here");
        }
    }

    @Test
    void frameOver64KibClosesWith1009() {
        try (Probe owner = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=owner-token"))) {
            owner.send(bigCommand(70_000));
            assertThat(owner.closeCode()).isEqualTo(1009);
        }
        assertThat(robot.drain(Duration.ofMillis(300))).noneMatch(BadFramesTest::isGo);
    }

    @Test
    void fragmentedMessageOver64KibClosesWith1009() {
        try (Probe owner = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=owner-token"))) {
            String big = bigCommand(90_000);
            owner.socket().sendText(big.substring(0, 30_000), false).join();
            owner.socket().sendText(big.substring(30_000, 60_000), false).join();
            owner.socket().sendText(big.substring(60_000), true).join();
            assertThat(owner.closeCode()).isEqualTo(1009);
        }
        assertThat(robot.drain(Duration.ofMillis(300))).noneMatch(BadFramesTest::isGo);
    }

    @Test
    void messageJustUnderTheLimitIsRelayed() {
        try (Probe owner = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=owner-token"))) {
            owner.send(bigCommand(60_000));
            assertThat(robot.await("command", BadFramesTest::isGo).path("args").path("pad").asText())
                    .hasSizeGreaterThan(59_000);
        }
    }

    @Test
    void repeatedAbuseClosesWith1008() {
        try (Probe viewer = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=viewer-token"))) {
            for (int i = 0; i < 30 && !viewer.isClosed(); i++) {
                viewer.socket().sendText("{\"type\":\"command\",\"seq\":" + i
                        + ",\"action\":\"go\"}", true).join();
            }
            assertThat(viewer.closeCode()).isEqualTo(1008);
        }
        assertThat(robot.drain(Duration.ofMillis(300))).noneMatch(BadFramesTest::isGo);
    }

    @Test
    void binaryFrameGetsError() {
        try (Probe owner = Probe.welcomed(fleet.a.ws(Fleet.PRIVATE, "token=owner-token"))) {
            owner.socket().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
            assertThat(owner.await("error").path("code").asText()).isEqualTo("bad_message");
        }
    }

    @Test
    void commandsBeyondTheRateLimitAreRefused(TestStores stores) {
        try (Fleet limited = new Fleet(stores, SocketSettings.defaults().withCommandRate(5, 5),
                QueueSettings.defaults());
                Probe limitedRobot = limited.robot(limited.b, Fleet.PRIVATE);
                Probe owner = limited.user(limited.a, Fleet.PRIVATE, "owner-token")) {
            for (int i = 0; i < 20; i++) {
                owner.send("{\"type\":\"command\",\"seq\":" + i + ",\"action\":\"go\"}");
            }
            assertThat(owner.await("error").path("code").asText()).isEqualTo("rate_limited");
            long relayed = limitedRobot.drain(Duration.ofMillis(500)).stream()
                    .filter(m -> m.path("type").asText().equals("command")).count();
            assertThat(relayed).isBetween(5L, 15L);
        }
    }

    /** The refused frames all carry action "go"; a stop after an earlier test's close may not. */
    private static boolean isGo(com.fasterxml.jackson.databind.JsonNode message) {
        return message.path("action").asText().equals("go");
    }

    private static String bigCommand(int padding) {
        return "{\"type\":\"command\",\"seq\":1,\"action\":\"go\",\"args\":{\"pad\":\""
                + "x".repeat(padding) + "\"}}";
    }
}
