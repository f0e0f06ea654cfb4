package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoresExtension.class)
class CrossInstanceRelayTest {

    private Fleet fleet;

    @BeforeEach
    void start(TestStores stores) {
        fleet = new Fleet(stores);
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    @Test
    void commandFromUserOnOneInstanceReachesRobotOnTheOther() {
        try (Probe robot = fleet.robot(fleet.b, Fleet.PRIVATE);
                Probe driver = fleet.user(fleet.a, Fleet.PRIVATE, "driver-token")) {
            driver.send("{\"type\":\"command\",\"seq\":7,\"action\":\"move\",\"args\":{\"x\":0.5}}");

            JsonNode command = robot.await("command");
            assertThat(command.path("seq").asLong()).isEqualTo(7);
            assertThat(command.path("action").asText()).isEqualTo("move");
            assertThat(command.path("args").path("x").asDouble()).isEqualTo(0.5);
            assertThat(command.path("user").asLong()).isEqualTo(2);
        }
    }

    @Test
    void stateFansOutToViewersOnEveryInstance() {
        try (Probe robot = fleet.robot(fleet.a, Fleet.PRIVATE);
                Probe viewerA = fleet.user(fleet.a, Fleet.PRIVATE, "viewer-token");
                Probe ownerB = fleet.user(fleet.b, Fleet.PRIVATE, "owner-token")) {
            robot.send("{\"type\":\"state\",\"at\":5,\"data\":{\"battery\":0.8}}");

            assertThat(viewerA.await("state").path("data").path("battery").asDouble())
                    .isEqualTo(0.8);
            assertThat(ownerB.await("state").path("data").path("battery").asDouble())
                    .isEqualTo(0.8);
        }
    }

    @Test
    void ackReachesOnlyTheUserWhoSentTheCommand() {
        try (Probe robot = fleet.robot(fleet.a, Fleet.PRIVATE);
                Probe owner = fleet.user(fleet.b, Fleet.PRIVATE, "owner-token");
                Probe driver = fleet.user(fleet.b, Fleet.PRIVATE, "driver-token")) {
            robot.send("{\"type\":\"ack\",\"seq\":3,\"user\":2,\"ok\":true}");

            assertThat(driver.await("ack").path("seq").asLong()).isEqualTo(3);
            assertThat(owner.drain(java.time.Duration.ofMillis(300)))
                    .noneMatch(m -> m.path("type").asText().equals("ack"));
        }
    }

    @Test
    void viewersOnBothInstancesSeeRobotComeAndGo() {
        try (Probe viewerA = fleet.user(fleet.a, Fleet.PRIVATE, "viewer-token");
                Probe viewerB = fleet.user(fleet.b, Fleet.PRIVATE, "owner-token")) {
            Probe robot = fleet.robot(fleet.b, Fleet.PRIVATE);
            assertThat(viewerA.await("presence").path("online").asBoolean()).isTrue();
            assertThat(viewerB.await("presence").path("online").asBoolean()).isTrue();

            robot.socket().sendClose(1000, "bye").join();
            assertThat(viewerA.await("presence").path("online").asBoolean()).isFalse();
            assertThat(viewerB.await("presence").path("online").asBoolean()).isFalse();
        }
    }

    @Test
    void welcomeTellsRoleAndWhetherRobotIsOnline() {
        try (Probe robot = fleet.robot(fleet.a, Fleet.PRIVATE)) {
            Probe viewer = Probe.open(fleet.b.ws(Fleet.PRIVATE, "token=viewer-token"));
            JsonNode welcome = viewer.await("welcome");
            assertThat(welcome.path("v").asInt()).isEqualTo(1);
            assertThat(welcome.path("role").asText()).isEqualTo("viewer");
            assertThat(welcome.path("robotOnline").asBoolean()).isTrue();
            assertThat(welcome.path("kind").asText()).isEqualTo("private");
            viewer.close();
        }
    }
}
