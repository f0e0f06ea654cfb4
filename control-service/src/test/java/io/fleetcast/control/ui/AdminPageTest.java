package io.fleetcast.control.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.MediaMtxBody;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestStores;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The operators' page in a real browser: the playroom queue's overrides, metrics, accounts. */
@ExtendWith(StoresExtension.class)
class AdminPageTest {
    private static Site site;

    @BeforeAll
    static void start(TestStores stores, @TempDir Path hls) {
        site = Site.start(stores, hls, Map.of());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void operatorSkipsTheDriverAndClearsTheQueue() {
        Session erin = site.server().client().signUp("erin");
        Session frank = site.server().client().signUp("frank");
        int status = site.server().client().post("/internal/auth",
                MediaMtxBody.of("read", "playroom", "hls").ip("10.0.0.9").toMap(), null).status();
        assertThat(status).isEqualTo(200);
        try (Probe robot = site.robotSocket(site.playroom());
             Probe erinSocket = visitor(erin); Probe frankSocket = visitor(frank);
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

    private static Probe visitor(Session user) {
        URI base = site.server().server().uri();
        return Probe.welcomed(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/control/"
                + site.playroom().path() + "?token=" + user.token()));
    }
}
