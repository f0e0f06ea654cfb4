package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.control.alert.AlertLimits;
import io.fleetcast.control.alert.AlertSettings;
import io.fleetcast.control.queue.QueueSettings;
import io.fleetcast.control.relay.RedisAddress;
import io.fleetcast.control.testing.HookReceiver;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances, the robot on one, its owner watching on both: each condition gives exactly one
 * {@code alert} and one clear on each owner socket, none to a viewer, and one webhook call per
 * change (the first retried after a 500) although both instances judge and both have the hook.
 */
@ExtendWith(StoresExtension.class)
class OwnerAlertsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ROBOT = 10;
    private static final String GOOD = metrics(3000, 50, 0.2, "HIGH");

    private final FakeAccess access = new FakeAccess().robot(ROBOT, 1, false, "key-10")
            .user(1, "owner-token").user(3, "viewer-token").grant(3, ROBOT, Grant.VIEW);
    private HookReceiver hook;
    private ControlServer a;
    private ControlServer b;

    @BeforeEach
    void start(TestStores stores) {
        stores.flushRedis();
        hook = new HookReceiver(1);
        AlertSettings settings = AlertSettings.defaults()
                .withLimits(new AlertLimits(5, Duration.ofSeconds(1), 1000, Duration.ofSeconds(1),
                        Duration.ofSeconds(2)))
                .withWebhook(hook.uri(), 3, Duration.ofMillis(200));
        RedisAddress redis = new RedisAddress(stores.redisUri());
        a = new ControlServer(access, redis, SocketSettings.defaults(), QueueSettings.defaults(), settings);
        b = new ControlServer(access, redis, SocketSettings.defaults(), QueueSettings.defaults(), settings);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        hook.close();
    }

    @Test
    void veryLowQualityIsOneAlertAndOneClearOnEveryOwnerSocket() throws Exception {
        try (Probe robot = Probe.welcomed(a.ws(ROBOT, "key=key-10")); Probe ownerA = owner(a); Probe ownerB = owner(b);
             Probe viewer = Probe.welcomed(b.ws(ROBOT, "token=viewer-token"))) {
            feed(robot, GOOD, 500);
            feed(robot, metrics(400, 80, 0.5, "VERY_LOW"), 2000);
            feed(robot, GOOD, 500);

            List<JsonNode> seenA = alerts(ownerA, "quality_low");
            assertEpisode(seenA, "quality_low");
            assertThat(alerts(ownerB, "quality_low")).isEqualTo(seenA);
            assertThat(viewer.drain(Duration.ofMillis(200))).noneMatch(m -> m.path("type").asText().equals("alert"));
            assertWebhookCalled(seenA);
            assertThat(history(a)).filteredOn(alert -> alert.path("kind").asText().equals("quality_low"))
                    .as("the dashboard's history, newest first").containsExactly(seenA.get(1), seenA.get(0));
            HttpResponse<String> viewers = Probe.HTTP.send(HttpRequest.newBuilder(b.http("/api/robots/10/alerts"))
                    .header("Authorization", "Bearer viewer-token").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(viewers.statusCode()).as("the history is the owner's alone").isEqualTo(404);
        }
    }

    @Test
    void lossAboveTheLimitIsAnAlertToo() throws Exception {
        try (Probe robot = Probe.welcomed(a.ws(ROBOT, "key=key-10")); Probe ownerA = owner(a); Probe ownerB = owner(b)) {
            feed(robot, metrics(3000, 50, 12, "MEDIUM"), 1600);
            feed(robot, GOOD, 500);

            assertEpisode(alerts(ownerA, "quality_low"), "quality_low");
            assertEpisode(alerts(ownerB, "quality_low"), "quality_low");
        }
    }

    @Test
    void rttOverOneSecondIsOneAlertAndOneClear() throws Exception {
        try (Probe robot = Probe.welcomed(a.ws(ROBOT, "key=key-10")); Probe ownerA = owner(a); Probe ownerB = owner(b)) {
            feed(robot, metrics(3000, 1500, 0, "HIGH"), 1600);
            feed(robot, GOOD, 500);

            assertEpisode(alerts(ownerA, "high_rtt"), "high_rtt");
            assertEpisode(alerts(ownerB, "high_rtt"), "high_rtt");
        }
    }

    @Test
    void videoNotLiveWhileTheSocketIsConnectedIsOneAlertAndOneClear() throws Exception {
        try (Probe ownerA = owner(a); Probe ownerB = owner(b); Probe robot = Probe.welcomed(a.ws(ROBOT, "key=key-10"))) {
            Thread.sleep(2600);
            feed(robot, GOOD, 500);

            assertEpisode(alerts(ownerA, "video_not_live"), "video_not_live");
            assertEpisode(alerts(ownerB, "video_not_live"), "video_not_live");
        }
    }

    @Test
    void aRobotGoingOfflineWhileWatchedIsOneAlertClearedWhenItComesBackElsewhere() throws Exception {
        try (Probe ownerA = owner(a); Probe ownerB = owner(b)) {
            Probe robot = Probe.welcomed(a.ws(ROBOT, "key=key-10"));
            feed(robot, GOOD, 500);
            robot.close();
            ownerB.await("presence", m -> !m.path("online").asBoolean());
            Thread.sleep(1000);
            try (Probe again = Probe.welcomed(b.ws(ROBOT, "key=key-10"))) {
                feed(again, GOOD, 500);

                List<JsonNode> seenA = alerts(ownerA, "robot_offline");
                assertEpisode(seenA, "robot_offline");
                assertThat(alerts(ownerB, "robot_offline")).isEqualTo(seenA);
                assertWebhookCalled(seenA);
            }
        }
    }

    @Test
    void aWebhookThatKeepsFailingIsDownWithItsReasonAndTheOwnerIsStillAlerted(TestStores stores) throws Exception {
        try (HookReceiver broken = new HookReceiver(Integer.MAX_VALUE);
             ControlServer alone = new ControlServer(access, new RedisAddress(stores.redisUri()), SocketSettings.defaults(),
                     QueueSettings.defaults(), AlertSettings.defaults().withLimits(new AlertLimits(5,
                             Duration.ofSeconds(1), 1000, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                     .withWebhook(broken.uri(), 2, Duration.ofMillis(100)));
             Probe owner = owner(alone); Probe robot = Probe.welcomed(alone.ws(ROBOT, "key=key-10"))) {
            assertThat(alone.sockets().alerts().webhook().state()).isEqualTo("UP");

            JsonNode alert = owner.await("alert");

            assertThat(alert.path("kind").asText()).isEqualTo("video_not_live");
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (alone.sockets().alerts().webhook().state().equals("UP") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(alone.sockets().alerts().webhook().state()).isEqualTo("DOWN");
            assertThat(alone.sockets().alerts().webhook().reason())
                    .isEqualTo("webhook at 127.0.0.1 failed for alert " + alert.path("id").asText()
                            + " after 2 attempts: HTTP 500")
                    .doesNotContain("secret-part");
            assertThat(broken.bodies()).hasSize(2);
            feed(robot, GOOD, 300);
            assertThat(owner.await("alert").path("active").asBoolean()).as("cleared all the same").isFalse();
        }
    }

    private static Probe owner(ControlServer on) {
        return Probe.welcomed(on.ws(ROBOT, "token=owner-token"));
    }

    /** One metrics message every 100 ms for {@code millis}. */
    private static void feed(Probe robot, String frame, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            robot.send(frame);
            Thread.sleep(100);
        }
    }

    private static String metrics(long throughput, long rtt, double loss, String state) {
        return "{\"type\":\"metrics\",\"at\":1,\"network\":{\"throughputKbps\":" + throughput + ",\"rttMs\":" + rtt
                + ",\"lossPct\":" + loss + ",\"queueBytes\":0},\"quality\":{\"state\":\"" + state
                + "\",\"bitrateKbps\":2000}}";
    }

    /**
     * Every alert frame of this kind the socket got, waiting a little for late ones. Other kinds
     * may follow once a scenario ends (a robot left without metrics is soon "video not live").
     */
    private static List<JsonNode> alerts(Probe probe, String kind) {
        return probe.drain(Duration.ofMillis(1200)).stream().filter(m -> m.path("type").asText().equals("alert")
                && m.path("kind").asText().equals(kind)).toList();
    }

    private static void assertEpisode(List<JsonNode> alerts, String kind) {
        assertThat(alerts).as("alerts received").hasSize(2);
        JsonNode raised = alerts.get(0);
        JsonNode cleared = alerts.get(1);
        assertThat(raised.path("kind").asText()).isEqualTo(kind);
        assertThat(raised.path("active").asBoolean()).isTrue();
        assertThat(raised.path("robot").asLong()).isEqualTo(ROBOT);
        assertThat(cleared.path("active").asBoolean()).isFalse();
        assertThat(cleared.path("id").asText()).isEqualTo(raised.path("id").asText());
        assertThat(cleared.path("since").asLong()).isEqualTo(raised.path("since").asLong());
        assertThat(cleared.path("at").asLong()).isGreaterThan(raised.path("at").asLong());
    }

    /** The raise posted twice (500, then 200), the clear once; nothing else of that kind. */
    private void assertWebhookCalled(List<JsonNode> alerts) throws Exception {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (posted(alerts.get(0)).size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        List<JsonNode> posted = posted(alerts.get(0));
        assertThat(posted).extracting(p -> p.path("alert")).containsExactly(alerts.get(0), alerts.get(0), alerts.get(1));
        assertThat(posted.get(0).path("text").asText()).startsWith("ALERT robot 10: ");
        assertThat(posted.get(2).path("text").asText()).startsWith("RESOLVED robot 10: ");
    }

    /** What the webhook received about alerts of this one's kind. */
    private List<JsonNode> posted(JsonNode alert) throws Exception {
        List<JsonNode> posted = new ArrayList<>();
        for (String body : hook.bodies()) {
            JsonNode post = JSON.readTree(body);
            if (post.path("alert").path("kind").equals(alert.path("kind"))) {
                posted.add(post);
            }
        }
        return posted;
    }

    private static List<JsonNode> history(ControlServer on) throws Exception {
        HttpResponse<String> reply = Probe.HTTP.send(HttpRequest.newBuilder(on.http("/api/robots/10/alerts"))
                .header("Authorization", "Bearer owner-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(reply.body()).path("alerts").forEach(out::add);
        return out;
    }
}
