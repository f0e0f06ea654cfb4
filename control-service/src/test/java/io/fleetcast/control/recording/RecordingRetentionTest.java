package io.fleetcast.control.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestClient.NewRobot;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** RECORDINGS_RETENTION_DAYS and robot deletion remove segments from S3 and from the index. */
@ExtendWith(StoresExtension.class)
class RecordingRetentionTest {

    @Test
    void olderSegmentsAreDeletedOnceADayByOneInstanceAndADeletedRobotTakesItsRecordings(TestStores stores,
            @TempDir Path root) throws Exception {
        SyncScript.requireTool("aws", "awscli");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant old = now.minus(40, ChronoUnit.DAYS);
        Instant recent = now.minus(1, ChronoUnit.HOURS);
        try (InProcessS3 s3 = new InProcessS3();
             TestServer server = TestServer.start(stores, env(s3), new OwnerDrivesPlayroom());
             TestServer other = TestServer.onDatabase(stores, server.database(), env(s3), new OwnerDrivesPlayroom())) {
            TestClient client = server.client();
            Session owner = client.signUp("olga");
            NewRobot robot = client.createRobot(owner, "archivist", "private");
            List<RecordedSegments.Recorded> segments = RecordedSegments.write(root, robot.path(), List.of(old, recent));
            Map<String, String> upload = new HashMap<>(s3.uploaderEnv());
            upload.put("CONTROL_URL", server.server().internalUri().toString());
            for (RecordedSegments.Recorded segment : segments) {
                SyncScript.Run run = SyncScript.run(segment, robot.path(), upload);
                assertThat(run.exit()).as(run.output()).isZero();
            }
            String oldKey = "recordings/" + robot.path() + "/" + segments.get(0).file().getFileName();
            String recentKey = "recordings/" + robot.path() + "/" + segments.get(1).file().getFileName();
            assertThat(spans(client, robot, owner)).isEqualTo(2);
            try (Jedis redis = server.server().stores().redis().connection()) {
                redis.del(Retention.LOCK);
            }

            assertThat(server.server().retention().runOnce()).as("segments deleted").isEqualTo(1);
            assertThat(s3.exists(oldKey)).isFalse();
            assertThat(s3.exists(recentKey)).isTrue();
            assertThat(spans(client, robot, owner)).isEqualTo(1);
            assertThat(other.server().retention().runOnce()).as("today's run was the first instance's").isEqualTo(-1);

            assertThat(client.delete("/api/robots/" + robot.id(), owner.token()).status()).isEqualTo(204);
            assertThat(s3.exists(recentKey)).as("the deleted robot's recording").isFalse();
            Map<String, Object> report = Map.of("path", robot.path(), "key", recentKey, "start", recent.toString(),
                    "duration", 2, "size", 1000, "initSize", 100);
            assertThat(server.internal().postRaw("/internal/recordings", new ObjectMapper().writeValueAsString(report), "application/json",
                    SyncScript.HOOK_SECRET).status()).as("indexing for a robot that is gone").isEqualTo(404);
        }
    }

    private static int spans(TestClient client, NewRobot robot, Session owner) {
        return client.get("/api/robots/" + robot.id() + "/recordings", owner.token()).json().get("spans").size();
    }

    private static Map<String, String> env(InProcessS3 s3) {
        Map<String, String> env = new HashMap<>(s3.settings());
        env.put("MEDIAMTX_HOOK_SECRET", SyncScript.HOOK_SECRET);
        env.put("RECORDINGS_RETENTION_DAYS", "30");
        return env;
    }
}
