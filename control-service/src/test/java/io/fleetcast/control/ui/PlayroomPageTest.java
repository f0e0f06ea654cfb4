package io.fleetcast.control.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The playroom in a real browser: the HLS ladder, the queue with two visitors, driving. */
@ExtendWith(StoresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlayroomPageTest {
    private static Site site;
    private static Path generated;
    private static Path cdn;

    /** The CDN directory stays empty (nothing broadcast) until {@link #broadcastStarts()}. */
    @BeforeAll
    static void start(TestStores stores, @TempDir Path dir) throws IOException, InterruptedException {
        generated = GeneratedBroadcast.write(dir.resolve("bridge"));
        cdn = dir.resolve("cdn");
        site = Site.start(stores, cdn, Map.of("CONTROL_QUEUE_TURN_SECONDS", "45"));
    }

    private static synchronized void broadcastStarts() throws IOException {
        if (!Files.exists(cdn)) {
            Files.move(generated, cdn);
        }
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    @Order(1)
    void showsOfflineThenPlaysTheBridgesHlsLadderWithAQualityMenu() throws IOException {
        try (Browser spectator = Browser.open()) {
            spectator.go(site.url("/"));
            spectator.waitFor(() -> spectator.find("#offline").isDisplayed()
                    && spectator.text("#offline").startsWith("Offline"), "offline while nothing is broadcast");
            assertThat(spectator.find("#quality").isEnabled()).isFalse();
            spectator.screenshot("playroom-offline");
            broadcastStarts();
            spectator.waitFor(() -> spectator.<Number>js("return document.getElementById('broadcast').currentTime")
                    .doubleValue() > 1.0, "the broadcast plays", Duration.ofSeconds(30));
            double first = spectator.<Number>js("return document.getElementById('broadcast').currentTime").doubleValue();
            spectator.waitFor(() -> spectator.<Number>js("return document.getElementById('broadcast').currentTime")
                    .doubleValue() > first + 1.0, "the video's time advances");
            String size = spectator.js("const v = document.getElementById('broadcast');"
                    + " return v.videoWidth + 'x' + v.videoHeight;");
            assertThat(size).isIn(GeneratedBroadcast.SIZES);
            List<String> options = spectator.js("return [...document.querySelectorAll('#quality option')]"
                    + ".map(o => o.textContent);");
            assertThat(options).containsExactly("Auto", "360p", "240p");
            assertThat(spectator.text("#rung")).matches("(640x360|426x240), \\d+ kbit/s");
            assertThat(spectator.find("#offline").isDisplayed()).isFalse();
            assertThat(spectator.text("#drive-message")).as("a spectator is shown no refusals").isEmpty();
            spectator.screenshot("playroom");
            new Select(spectator.find("#quality")).selectByVisibleText("240p");
            spectator.waitFor(() -> spectator.text("#rung").startsWith("426x240")
                    && spectator.<Number>js("return document.getElementById('broadcast').videoHeight").intValue() == 240,
                    "the chosen rung plays");
            assertThat(spectator.consoleErrors()).as("only the playlist's 404s while offline")
                    .allMatch(error -> error.contains("/hls/master.m3u8") && error.contains("404"));
            spectator.driver().manage().window().setSize(new Dimension(390, 844));
            spectator.screenshot("playroom-phone");
            assertThat(spectator.<Number>js("return document.documentElement.scrollWidth").intValue())
                    .as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        }
    }

    @Test
    @Order(2)
    void twoVisitorsQueueAndTheDriverDrivesWithTheKeyboard() throws Exception {
        broadcastStarts();
        site.server().client().signUp("bob");
        try (Probe robot = site.robotSocket(site.playroom());
             Browser publisher = Browser.open(); Browser alice = Browser.open(); Browser bob = Browser.open()) {
            publisher.go(site.media().uri() + "/publisher");
            alice.go(site.url("/"));
            alice.type("#session-name", "alice");
            alice.type("#session-password", "alice-password");
            alice.click("#create-account");
            alice.waitFor(() -> alice.text("#signed-in-as").contains("alice"), "alice's account is created");
            alice.click("#join");
            alice.waitFor(() -> alice.find("#ready-prompt").isDisplayed(), "alice gets the ready prompt");
            assertThat(alice.text("#ready-text")).matches("Your turn: press Start within (9|10) s");

            bob.go(site.url("/"));
            bob.signIn("bob", "password-bob");
            bob.click("#join");
            bob.waitFor(() -> bob.text("#position").equals("1"), "bob is number 1 in the queue");
            alice.screenshot("playroom-ready");
            alice.click("#start");
            alice.waitFor(() -> alice.text("#position").equals("driving"), "alice drives");
            bob.waitFor(() -> bob.text("#driver").startsWith("user #"), "bob sees the driver");
            alice.waitFor(() -> alice.text("#view-mode").equals("Live (WebRTC)"), "the driver watches over WebRTC");
            assertThat(site.media().whepRequests().getLast()).isEqualTo(new MediaStandIn.WhepRequest("/playroom/whep",
                    "Bearer " + alice.localStorage().get("fleetcast.token")));
            alice.waitFor(() -> alice.<Number>js("return document.getElementById('live').videoWidth").intValue() == 320,
                    "the publisher's frames arrive");
            double liveAt = alice.<Number>js("return document.getElementById('live').currentTime").doubleValue();
            alice.waitFor(() -> alice.<Number>js("return document.getElementById('live').currentTime").doubleValue()
                    > liveAt + 0.5, "the WebRTC view plays");

            JsonNode queue = site.server().client().get("/api/robots/" + site.playroom().id() + "/queue", null).json();
            long left = queue.get("turnEndsAt").asLong() - System.currentTimeMillis();
            String shown = alice.text("#countdown");
            assertThat(Double.parseDouble(shown.replace(" s", ""))).as("countdown " + shown)
                    .isCloseTo(left / 1000.0, within(1.0));

            robot.drain(Duration.ofMillis(200));
            CompletableFuture<List<Arrivals.Arrival>> arriving = CompletableFuture.supplyAsync(() -> Arrivals.untilStop(robot));
            new Actions(alice.driver()).keyDown(Keys.ARROW_UP).perform();
            Thread.sleep(1000);
            new Actions(alice.driver()).keyUp(Keys.ARROW_UP).perform();
            long released = System.nanoTime();
            List<Arrivals.Arrival> held = arriving.get(5, TimeUnit.SECONDS);
            assertThat(held.stream().filter(a -> a.action().equals("move")).count()).isBetween(7L, 13L);
            assertThat(Arrivals.median(Arrivals.moveGapsMillis(held))).isBetween(80.0, 125.0);
            assertThat(held.getFirst().command().path("args").path("linear").asDouble()).isPositive();
            Arrivals.Arrival stop = held.getLast();
            assertThat((stop.nanos() - released) / 1e6).as("stop after release, ms").isLessThan(250);
            assertThat(stop.command().path("seq").asLong()).as("the page's own stop").isPositive();

            new Actions(alice.driver()).keyDown("d").perform();
            robot.await("command", c -> c.path("action").asText().equals("move"));
            String page = alice.driver().getWindowHandle();
            CompletableFuture<List<Arrivals.Arrival>> leaving = CompletableFuture.supplyAsync(() -> Arrivals.untilStop(robot));
            alice.driver().switchTo().newWindow(WindowType.TAB);
            List<Arrivals.Arrival> blurred = leaving.get(5, TimeUnit.SECONDS);
            assertThat(blurred.getLast().command().path("seq").asLong()).as("stop on leaving the tab").isPositive();
            alice.driver().close();
            alice.driver().switchTo().window(page);

            robot.send("{\"type\":\"ack\",\"seq\":1,\"user\":" + userId(alice) + ",\"ok\":false,\"message\":\"obstacle ahead\"}");
            alice.waitFor(() -> alice.text("#drive-message").contains("obstacle ahead"), "the robot's refusal shows");
            robot.send("{\"type\":\"metrics\",\"at\":1,\"network\":{\"throughputKbps\":3900,\"rttMs\":48,\"lossPct\":0.4,"
                    + "\"queueBytes\":12000},\"quality\":{\"state\":\"MEDIUM\",\"bitrateKbps\":2300}}");
            bob.waitFor(() -> bob.text("#quality-state").equals("MEDIUM") && bob.text("#bitrate").equals("2300 kbit/s"),
                    "spectators see the stream's health");
            alice.screenshot("playroom-driving");

            alice.click("#leave");
            assertThat(robot.await("command").path("args").path("reason").asText()).isEqualTo("driver_left");
            bob.waitFor(() -> bob.find("#ready-prompt").isDisplayed(), "bob gets the turn");
            site.media().refuseWhep();
            bob.click("#start");
            bob.waitFor(() -> bob.text("#position").equals("driving"), "bob drives");
            bob.waitFor(() -> bob.text("#drive-message").startsWith("Low-latency view unavailable"),
                    "bob is told WebRTC failed");
            assertThat(bob.text("#view-mode")).isEqualTo("Broadcast (HLS)");
            assertThat(bob.find("#broadcast").isDisplayed()).as("the broadcast stays on screen").isTrue();
            assertThat(bob.find("#live").isDisplayed()).isFalse();
            assertThat(alice.consoleErrors()).isEmpty();
            assertThat(bob.consoleErrors()).as("only the refused WHEP request")
                    .allMatch(error -> error.contains("/playroom/whep") && error.contains("404"));
        }
    }

    private static long userId(Browser browser) {
        String token = (String) browser.localStorage().get("fleetcast.token");
        return site.server().server().tokens().verify(token).orElseThrow().userId();
    }
}
