package io.fleetcast.control.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient.NewRobot;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestStores;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The dashboard shows a robot's alerts as they come and their history after a reload, in a real
 * browser against a real service whose quality limit is one second.
 */
@ExtendWith(StoresExtension.class)
class DashboardAlertsTest {
    @Test
    void anAlertAndItsClearShowOnTheDashboardAndStayInTheHistory(TestStores stores) throws Exception {
        stores.flushRedis(); // robot ids restart with each database; an earlier robot's alert history must not linger
        try (Site site = Site.start(stores, Path.of("target", "no-broadcast"),
                Map.of("ALERT_QUALITY_SECONDS", "1", "ALERT_VIDEO_SECONDS", "60"));
             Browser owner = Browser.open()) {
            Session erin = site.server().client().signUp("erin");
            NewRobot robot = site.server().client().createRobot(erin, "rover", "private");
            owner.go(site.url("/dashboard"));
            owner.signIn("erin", "password-erin");
            owner.waitFor(() -> owner.text("#robot-title").contains("rover"), "the robot is listed");
            assertThat(owner.find("#alerts-empty").isDisplayed()).isTrue();

            try (Probe socket = site.robotSocket(robot)) {
                owner.waitFor(() -> owner.text("li[data-robot='" + robot.id() + "'] .badge").equals("live"),
                        "the robot is live");
                sendFor(socket, "VERY_LOW", 1500);
                owner.waitFor(() -> owner.text("#alerts").contains("Low quality"), "the alert shows");
                assertThat(owner.text("li[data-robot='" + robot.id() + "'] .alerting")).isEqualTo("1 alert");
                assertThat(owner.find("#alerts li[data-active='true']").getDomAttribute("data-kind"))
                        .isEqualTo("quality_low");
                sendFor(socket, "HIGH", 500);
                owner.waitFor(() -> owner.driver().findElements(
                        By.cssSelector("#alerts li[data-active='false']")).size() == 1,
                        "the clear shows");
                owner.waitFor(() -> owner.driver().findElements(
                        By.cssSelector("li[data-robot='" + robot.id() + "'] .alerting")).isEmpty(),
                        "the robot is no longer marked");
                owner.screenshot("dashboard-alerts");

                owner.driver().navigate().refresh();
                owner.waitFor(() -> owner.driver().findElements(
                        By.cssSelector("#alerts li")).size() == 2, "the history after a reload");
                assertThat(owner.find("#alerts li:first-child").getDomAttribute("data-active"))
                        .as("newest first").isEqualTo("false");
                assertThat(owner.find("#alerts-empty").isDisplayed()).isFalse();
            }
            assertThat(owner.consoleErrors()).isEmpty();
        }
    }

    /** Metrics at this quality every 100 ms for {@code millis}. */
    private static void sendFor(Probe socket, String state, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            socket.send("{\"type\":\"metrics\",\"at\":1,\"network\":{\"throughputKbps\":3000,\"rttMs\":40,"
                    + "\"lossPct\":0.1,\"queueBytes\":0},\"quality\":{\"state\":\"" + state + "\",\"bitrateKbps\":900}}");
            Thread.sleep(100);
        }
    }
}
