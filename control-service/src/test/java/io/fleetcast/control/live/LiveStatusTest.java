package io.fleetcast.control.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.socket.Probe;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestClient.NewRobot;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live status through MediaMTX's own hook command lines (from mediamtx.yml, run through a shell
 * with the environment MediaMTX gives them) and, for missed hooks, the poll of its path list.
 */
@ExtendWith(StoresExtension.class)
class LiveStatusTest {
    private static final Path MEDIAMTX_YML = Path.of("../mediamtx/mediamtx.yml");
    private static final String SECRET = "hook-secret-of-the-live-test";
    private static final String API_TOKEN = "service-credential-of-the-live-test";

    record Hook(int exit, String output) {
    }

    @Test
    void publishAndUnpublishHooksFlipTheRobotListAndTellViewersAndThePollHealsAMissedHook(TestStores stores)
            throws Exception {
        stores.flushRedis(); // robot ids restart with each database; an earlier robot's presence must not linger
        try (PathListStandIn mediamtx = new PathListStandIn(API_TOKEN);
             TestServer server = TestServer.start(stores, Map.of("MEDIAMTX_HOOK_SECRET", SECRET,
                     "MEDIAMTX_API_URL", mediamtx.uri().toString(), "MEDIAMTX_API_TOKEN", API_TOKEN,
                     "MEDIAMTX_POLL_SECONDS", "1"),
                     new OwnerDrivesPlayroom())) {
            TestClient client = server.client();
            Session owner = client.signUp("otto");
            NewRobot robot = client.createRobot(owner, "scout", "private");
            assertThat(video(client, owner).path("live").asBoolean()).isFalse();
            URI base = server.server().uri();
            Map<String, String> env = Map.of("MTX_PATH", robot.path(), "MEDIAMTX_HOOK_SECRET", SECRET,
                    "CONTROL_URL", server.server().internalUri().toString());
            try (Probe viewer = Probe.welcomed(URI.create("ws://" + base.getHost() + ":" + base.getPort()
                    + "/control/" + robot.path() + "?token=" + owner.token()))) {
                Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                mediamtx.publishing(robot.path(), before);
                Hook available = run(hook("runOnAvailable"), env);
                assertThat(available.exit()).as(available.output()).isZero();
                assertThat(available.output()).contains("\"changed\":true");
                JsonNode live = viewer.await("presence", p -> p.path("video").path("live").asBoolean());
                assertThat(live.path("robot").asLong()).isEqualTo(robot.id());
                assertThat(live.path("online").asBoolean()).as("no control socket from the robot").isFalse();
                JsonNode shown = video(client, owner);
                assertThat(shown.path("live").asBoolean()).isTrue();
                assertThat(Instant.parse(shown.path("since").asText())).isAfterOrEqualTo(before.minusSeconds(1));
                Hook again = run(hook("runOnAvailable"), env);
                assertThat(again.exit()).isZero();
                assertThat(again.output()).as("idempotent").contains("\"changed\":false");

                mediamtx.stopped(robot.path());
                Hook unavailable = run(hook("runOnUnavailable"), env);
                assertThat(unavailable.exit()).as(unavailable.output()).isZero();
                viewer.await("presence", p -> p.has("video") && !p.path("video").path("live").asBoolean());
                assertThat(video(client, owner).path("live").asBoolean()).isFalse();

                Instant published = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
                mediamtx.publishing(robot.path(), published);
                JsonNode healed = viewer.awaitFrame(p -> p.path("type").asText().equals("presence")
                        && p.path("video").path("live").asBoolean(), "a missed available hook healed by the poll",
                        Duration.ofSeconds(5));
                assertThat(Instant.parse(healed.path("video").path("since").asText())).as("MediaMTX's availableTime")
                        .isEqualTo(published);
                assertThat(video(client, owner).path("live").asBoolean()).isTrue();
                try (Probe robotSocket = Probe.welcomed(URI.create("ws://" + base.getHost() + ":" + base.getPort()
                        + "/control/" + robot.path() + "?key=" + robot.streamKey()))) {
                    JsonNode online = viewer.await("presence", p -> p.path("online").asBoolean());
                    assertThat(online.path("video").path("live").asBoolean()).as("the socket's event carries the video")
                            .isTrue();
                }
                mediamtx.stopped(robot.path());
                viewer.awaitFrame(p -> p.path("type").asText().equals("presence") && p.has("video")
                        && !p.path("video").path("live").asBoolean(), "a missed unavailable hook healed by the poll",
                        Duration.ofSeconds(5));
                assertThat(video(client, owner).path("live").asBoolean()).isFalse();
            }
            Hook refused = run(hook("runOnAvailable"), Map.of("MTX_PATH", robot.path(), "MEDIAMTX_HOOK_SECRET",
                    "not-the-secret-at-all", "CONTROL_URL", env.get("CONTROL_URL")));
            assertThat(refused.exit()).as("curl -f fails on the 401").isEqualTo(22);
        }
    }

    private static JsonNode video(TestClient client, Session owner) {
        return client.get("/api/robots", owner.token()).json().get(0).path("video");
    }

    /** The hook of the robot paths in mediamtx.yml, parsed as YAML as MediaMTX reads it. */
    private static String hook(String key) throws IOException {
        JsonNode value = new ObjectMapper(new YAMLFactory()).readTree(MEDIAMTX_YML.toFile())
                .path("paths").path("~^robot_(\\d+)$").path(key);
        assertThat(value.isTextual()).as(key + " on the robot paths in mediamtx.yml").isTrue();
        return value.asText();
    }

    private static Hook run(String command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("hook finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() == 127) {
            throw new AssertionError("curl is missing (apt-get install curl; .ci/run installs it): " + output);
        }
        return new Hook(process.exitValue(), output);
    }
}
