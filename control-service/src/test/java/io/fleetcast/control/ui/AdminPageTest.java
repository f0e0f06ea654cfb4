package io.fleetcast.control.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operators' page in a real browser: the playroom queue's overrides, metrics, accounts. */
@ExtendWith({StoresExtension.class, SiteExtension.class})
class AdminPageTest {
    @Test
    void operatorSkipsTheDriverAndClearsTheQueue(Site site) {
        Session erin = site.server().client().signUp("erin");
        Session frank = site.server().client().signUp("frank");
        int status = site.server().internal().post("/internal/auth",
                MediaMtxBody.of("read", "playroom", "hls").ip("10.0.0.9").toMap(), null).status();
        assertThat(status).isEqualTo(200);
        try (Probe robot = site.robotSocket(site.playroom());
             Probe erinSocket = site.userSocket(site.playroom(), erin);
             Probe frankSocket = site.userSocket(site.playroom(), frank);
             Browser operator = Browser.open()) {
            erinSocket.send("{\"type\":\"queue\",\"action\":\"join\"}");
            erinSocket.await("queue", q -> q.path("position").asInt(-1) == 0);
            erinSocket.send("{\"type\":\"queue\",\"action\":\"ready\"}");
            erinSocket.await("queue", q -> q.path("phase").asText().equals("driving"));
            frankSocket.send("{\"type\":\"queue\",\"action\":\"join\"}");
            frankSocket.await("queue", q -> q.path("position").asInt() == 1);

            operator.go(site.url("/admin"));
            operator.signIn("operator", Site.OPERATOR_PASSWORD);
            operator.waitFor(() -> operator.text("#playroom-driver").equals("erin")
                    && operator.text("#playroom-waiting").equals("frank"), "the queue is shown");
            operator.waitFor(() -> operator.text("#decisions").contains("read allow 1"), "auth decisions are shown");
            assertThat(Integer.parseInt(operator.text("#sockets"))).as("robot and visitors").isGreaterThanOrEqualTo(3);
            assertThat(operator.text("#users")).contains("erin", "frank", "operator");
            assertThat(operator.text("#robots")).contains("playroom operator playroom");
            operator.screenshot("admin");

            operator.click("#skip-driver");
            assertThat(robot.await("command").path("args").path("reason").asText()).isEqualTo("skipped");
            erinSocket.await("queue", q -> q.path("event").asText().equals("skipped") && !q.has("position"));
            operator.waitFor(() -> operator.text("#playroom-driver").equals("frank")
                    && operator.text("#playroom-phase").equals("ready"), "frank is next");

            operator.click("#clear-queue");
            assertThat(robot.await("command").path("args").path("reason").asText()).isEqualTo("cleared");
            frankSocket.await("queue", q -> q.path("event").asText().equals("cleared") && q.path("length").asInt() == 0);
            operator.waitFor(() -> operator.text("#playroom-driver").equals("nobody")
                    && operator.text("#playroom-waiting").equals("nobody"), "the queue is empty");
            assertThat(operator.consoleErrors()).isEmpty();
        }
    }
}
