package io.fleetcast.control.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient.NewRobot;
import io.fleetcast.control.testing.TestClient.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.Select;

/** The owner's dashboard in a real browser, against a real service and a real WebRTC peer. */
@ExtendWith({StoresExtension.class, SiteExtension.class})
class DashboardPageTest {
    @Test
    void ownerAddsARobotWatchesItGrantsAccessAndSteersItsQuality(Site site) throws Exception {
        Session carol = site.server().client().signUp("carol");
        site.server().client().signUp("dave");
        try (Browser publisher = Browser.open(); Browser owner = Browser.open()) {
            publisher.go(site.media().uri() + "/publisher");
            owner.go(site.url("/dashboard"));
            owner.signIn("carol", "password-carol");
            owner.type("#robot-name", "rover");
            owner.click("#add-robot");
            owner.waitFor(() -> owner.find("#new-key").isDisplayed(), "the new key is shown");
            String key = owner.text("#stream-key");
            JsonNode robots = site.server().client().get("/api/robots", carol.token()).json();
            long id = robots.get(0).get("id").asLong();
            assertThat(owner.text("#publish-url")).isEqualTo("rtmp://127.0.0.1/robot_" + id + "?user=robot_" + id
                    + "&pass=" + key);
            assertThat(owner.localStorage()).containsOnlyKeys("fleetcast.token");
            owner.screenshot("dashboard-new-key");
            owner.driver().navigate().refresh();
            owner.waitFor(() -> owner.text("#robot-title").contains("rover"), "the robot is listed after a reload");
            assertThat(owner.find("#new-key").isDisplayed()).isFalse();
            assertThat(owner.driver().getPageSource()).doesNotContain(key);

            try (Probe robot = site.robotSocket(new NewRobot(id, key))) {
                owner.waitFor(() -> owner.text("li[data-robot='" + id + "'] .badge").equals("live"), "the robot is live");
                owner.waitFor(() -> owner.<Number>js("return document.getElementById('live').videoWidth").intValue() == 320,
                        "the WebRTC view shows the publisher's frames");
                double at = owner.<Number>js("return document.getElementById('live').currentTime").doubleValue();
                owner.waitFor(() -> owner.<Number>js("return document.getElementById('live').currentTime").doubleValue()
                        > at + 0.5, "the WebRTC view plays");
                assertThat(site.media().whepRequests().getLast()).isEqualTo(new MediaStandIn.WhepRequest(
                        "/robot_" + id + "/whep", "Bearer " + owner.localStorage().get("fleetcast.token")));

                owner.type("#grant-user", "dave");
                new Select(owner.find("#grant-permission")).selectByValue("drive");
                owner.click("#grant-add");
                owner.waitFor(() -> owner.text("#grants").contains("dave drive"), "the grant is listed");
                assertThat(grants(site, id, carol)).isEqualTo("dave:drive");
                owner.click("#grants .revoke");
                owner.waitFor(() -> owner.text("#grants").isEmpty(), "the grant is gone from the page");
                assertThat(grants(site, id, carol)).isEmpty();

                for (int i = 0; i < 5; i++) {
                    robot.send("{\"type\":\"metrics\",\"at\":" + (1_732_150_000_000L + i * 1000)
                            + ",\"network\":{\"throughputKbps\":" + (3000 + i * 100) + ",\"rttMs\":" + (40 + i)
                            + ",\"lossPct\":0.1,\"queueBytes\":1000},\"quality\":{\"state\":\"MEDIUM\",\"bitrateKbps\":"
                            + (2000 + i * 50) + "}}");
                }
                robot.send("{\"type\":\"state\",\"at\":1732150000123,\"data\":{\"battery\":0.82,\"moving\":true}}");
                owner.waitFor(() -> owner.text("#robot-state").contains("\"battery\": 0.82"), "the robot's state shows");
                owner.waitFor(() -> "5".equals(owner.find("#plot").getDomAttribute("data-points")),
                        "five metrics samples on the plot");
                assertThat(owner.text("#bitrate")).isEqualTo("2200 kbit/s");
                assertThat(owner.<Long>js("return document.querySelectorAll('#plot canvas').length")).isEqualTo(1L);

                new Select(owner.find("#quality-choice")).selectByValue("LOW");
                owner.click("#quality-cap");
                JsonNode cap = robot.await("quality");
                assertThat(cap.path("mode").asText() + " " + cap.path("state").asText()).isEqualTo("cap LOW");
                new Select(owner.find("#quality-choice")).selectByValue("MEDIUM");
                owner.click("#quality-pin");
                JsonNode pin = robot.await("quality");
                assertThat(pin.path("mode").asText() + " " + pin.path("state").asText()).isEqualTo("pin MEDIUM");
                owner.click("#quality-auto");
                assertThat(robot.await("quality").path("mode").asText()).isEqualTo("auto");

                owner.find("#robot-state").click();
                new Actions(owner.driver()).keyDown(Keys.ARROW_LEFT).perform();
                assertThat(robot.await("command").path("action").asText()).isEqualTo("move");
                new Actions(owner.driver()).keyUp(Keys.ARROW_LEFT).perform();
                assertThat(robot.await("command", c -> !c.path("action").asText().equals("move"))
                        .path("action").asText()).isEqualTo("stop");
                PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
                Sequence touch = new Sequence(finger, 0)
                        .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(
                                owner.find("button.drive.forward")), 0, 0))
                        .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                        .addAction(new Pause(finger, Duration.ofMillis(500)))
                        .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
                CompletableFuture<List<Arrivals.Arrival>> touched = CompletableFuture.supplyAsync(
                        () -> Arrivals.untilStop(robot));
                owner.driver().perform(List.of(touch));
                List<Arrivals.Arrival> commands = touched.get(5, TimeUnit.SECONDS);
                assertThat(commands.stream().filter(c -> c.action().equals("move")).count())
                        .as("a touched button repeats until the finger lifts").isBetween(3L, 8L);
                owner.screenshot("dashboard");

                owner.click("#rotate-key");
                owner.waitFor(() -> owner.find("#new-key").isDisplayed() && !owner.text("#stream-key").equals(key),
                        "a new key is shown");
            }
            try (Probe rotated = site.robotSocket(new NewRobot(id, owner.text("#stream-key")))) {
                assertThat(rotated.isClosed()).as("the rotated key connects the robot").isFalse();
            }
            owner.click("#delete-robot");
            owner.click("#delete-robot");
            owner.waitFor(() -> !owner.find("#robot-panel").isDisplayed(), "the robot is gone");
            assertThat(site.server().client().get("/api/robots", carol.token()).json()).isEmpty();
            assertThat(owner.consoleErrors()).isEmpty();
        }
    }

    private static String grants(Site site, long robot, Session owner) {
        StringBuilder out = new StringBuilder();
        site.server().client().get("/api/robots/" + robot + "/permissions", owner.token()).json()
                .forEach(grant -> out.append(grant.get("user").asText()).append(':')
                        .append(grant.get("permission").asText()));
        return out.toString();
    }
}
