package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The relay writes states from its delivering thread: one viewer that stops reading must not stall it. */
@ExtendWith(StoresExtension.class)
class SlowReaderTest {

    private static final int STATES = 300;

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
    void viewerThatStopsReadingIsCutOffWhileOthersGetEveryState() {
        String padding = "x".repeat(40_000);
        try (Probe robot = fleet.robot(fleet.a, Fleet.PRIVATE);
                StalledReader stalled = StalledReader.open(
                        fleet.a.ws(Fleet.PRIVATE, "token=owner-token"));
                Probe viewer = fleet.user(fleet.a, Fleet.PRIVATE, "viewer-token")) {
            // 12 MB: more than the kernel buffers between the server and the stalled client.
            for (int n = 0; n < STATES; n++) {
                robot.send("{\"type\":\"state\",\"at\":" + n + ",\"data\":{\"pad\":\"" + padding
                        + "\"}}");
            }

            for (int n = 0; n < STATES; n++) {
                int expected = n;
                viewer.awaitFrame(frame -> frame.path("type").asText().equals("state")
                        && frame.path("at").asLong() == expected, "state " + n,
                        Duration.ofSeconds(10));
            }
            assertThat(stalled.closedByServer(5_000)).isTrue();
            assertThat(viewer.isClosed()).isFalse();
        }
    }
}
