package io.fleetcast.control.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.auth.OwnerDrivesPlayroom;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestClient.NewRobot;
import io.fleetcast.control.testing.TestClient.Session;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.format.InputMedia;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings end to end with real parts: fMP4 segments made by FFmpeg in MediaMTX's layout,
 * uploaded by hls_sync.sh itself with the AWS CLI into an in-process S3 API, indexed through
 * the real endpoint, listed as spans and played back through a VOD playlist by FFmpeg.
 */
@ExtendWith(StoresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingsTest {
    /** An hour ago, so that the whole test stays inside the retention window. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

    private Path recordingsRoot;
    private InProcessS3 s3;
    private TestServer server;
    private TestClient client;
    private Session alice;
    private Session bob;
    private NewRobot rover;
    private List<RecordedSegments.Recorded> segments;

    @BeforeAll
    void start(TestStores stores) throws Exception {
        SyncScript.requireTool("aws", "awscli");
        recordingsRoot = Files.createTempDirectory("fleetcast-recordings");
        s3 = new InProcessS3();
        server = TestServer.start(stores, env(Map.of()), new OwnerDrivesPlayroom());
        client = server.client();
        alice = client.signUp("alice");
        bob = client.signUp("bob");
        rover = client.createRobot(alice, "rover", "private");
        // Two back to back, a gap of a minute, two more back to back.
        segments = RecordedSegments.write(recordingsRoot, rover.path(), List.of(T0, T0.plusSeconds(2),
                T0.plusSeconds(60), T0.plusSeconds(62)));
        for (RecordedSegments.Recorded segment : segments) {
            SyncScript.Run run = SyncScript.run(segment, rover.path(), uploader());
            assertThat(run.exit()).as(run.output()).isZero();
            assertThat(run.output()).contains("uploaded").contains("indexed");
        }
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        s3.close();
        try (var files = Files.walk(recordingsRoot)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void uploadedSegmentsAreListedAsSpansWithTheGapsMergedAway() throws Exception {
        for (RecordedSegments.Recorded segment : segments) {
            assertThat(s3.exists("recordings/" + rover.path() + "/" + segment.file().getFileName())).isTrue();
        }
        JsonNode spans = client.get("/api/robots/" + rover.id() + "/recordings", alice.token()).json().get("spans");
        assertThat(spans).hasSize(2);
        assertThat(Instant.parse(spans.get(0).get("start").asText())).isEqualTo(T0);
        assertThat(Duration.between(T0, Instant.parse(spans.get(0).get("end").asText())).toMillis())
                .isBetween(3850L, 4150L);
        assertThat(spans.get(0).get("size").asLong()).isEqualTo(SyncScript.size(segments.get(0))
                + SyncScript.size(segments.get(1)));
        assertThat(spans.get(0).get("segments").asInt()).isEqualTo(2);
        assertThat(Instant.parse(spans.get(1).get("start").asText())).isEqualTo(T0.plusSeconds(60));

        JsonNode later = client.get("/api/robots/" + rover.id() + "/recordings?from=" + T0.plusSeconds(30),
                alice.token()).json().get("spans");
        assertThat(later).hasSize(1);
    }

    @Test
    void aRepeatedHookIndexesNothingTwice() throws Exception {
        SyncScript.Run again = SyncScript.run(segments.getFirst(), rover.path(), uploader());
        assertThat(again.exit()).as(again.output()).isZero();
        JsonNode spans = client.get("/api/robots/" + rover.id() + "/recordings", alice.token()).json().get("spans");
        assertThat(spans.get(0).get("segments").asInt()).isEqualTo(2);
    }

    @Test
    void aSegmentWhoseUploadFailedIsNeverIndexed(@TempDir Path other) throws Exception {
        RecordedSegments.Recorded lost = RecordedSegments.write(other, rover.path(), List.of(T0.plusSeconds(600)))
                .getFirst();
        Map<String, String> wrong = new HashMap<>(uploader());
        wrong.put("AWS_SECRET_ACCESS_KEY", "not-the-secret");
        wrong.put("SYNC_ATTEMPTS", "1");
        SyncScript.Run run = SyncScript.run(lost, rover.path(), wrong);
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("giving up").doesNotContain("indexed");
        assertThat(client.get("/api/robots/" + rover.id() + "/recordings?from=" + T0.plusSeconds(300), alice.token())
                .json().get("spans")).isEmpty();
    }

    @Test
    void hookCallsWithoutTheSecretAreRefused() {
        String body = "{\"path\":\"" + rover.path() + "\",\"key\":\"recordings/x.mp4\",\"start\":\"" + T0
                + "\",\"duration\":2,\"size\":100,\"initSize\":10}";
        assertThat(server.internal().postRaw("/internal/recordings", body, "application/json", null).status()).isEqualTo(401);
        assertThat(server.internal().postRaw("/internal/recordings", body, "application/json", "wrong-secret").status())
                .isEqualTo(401);
        TestClient.Reply bad = server.internal().postRaw("/internal/recordings", body.replace("\"duration\":2", "\"duration\":-1"),
                "application/json", SyncScript.HOOK_SECRET);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("duration").contains("-1");
    }

    @Test
    void thePlaylistOfARangePlaysThroughFfmpegCutAtSegmentBoundaries(@TempDir Path dir) throws Exception {
        Instant from = T0.plusMillis(500);
        Instant to = T0.plusMillis(3500);
        TestClient.Reply reply = client.get(playlist(rover, from, to), alice.token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/vnd.apple.mpegurl");
        String text = reply.body();
        assertThat(text).startsWith("#EXTM3U").contains("#EXT-X-PLAYLIST-TYPE:VOD")
                .contains("#EXT-X-PROGRAM-DATE-TIME:" + T0).contains("#EXT-X-MAP:URI=\"").contains("X-Amz-Signature")
                .endsWith("#EXT-X-ENDLIST\n");
        assertThat(text.lines().filter(line -> line.startsWith("#EXTINF")).count()).as("whole segments 1 and 2")
                .isEqualTo(2);

        Path local = Files.writeString(dir.resolve("range.m3u8"), text);
        double played = playedSeconds(local);
        assertThat(Math.abs(played - Duration.between(from, to).toMillis() / 1000.0))
                .as("played %.2f s for a range of 3 s", played).isLessThanOrEqualTo(RecordedSegments.SECONDS);
        assertThat(played).isCloseTo(4.0, offset(0.3));

        String all = client.get(playlist(rover, T0, T0.plusSeconds(70)), alice.token()).body();
        assertThat(all.lines().filter(line -> line.startsWith("#EXTINF")).count()).isEqualTo(4);
        assertThat(all.lines().filter(line -> line.equals("#EXT-X-DISCONTINUITY")).count())
                .as("each segment restarts its timestamps, across the gap too").isEqualTo(3);
        double whole = playedSeconds(Files.writeString(dir.resolve("all.m3u8"), all));
        assertThat(whole).isCloseTo(8.0, offset(0.5));
    }

    @Test
    void aBadRangeIs400AndARangeWithNothingRecordedIs404() {
        TestClient.Reply garbage = client.get("/api/robots/" + rover.id() + "/recordings.m3u8?from=yesterday",
                alice.token());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).contains("from").contains("yesterday");
        assertThat(client.get(playlist(rover, T0.plusSeconds(5), T0), alice.token()).status()).isEqualTo(400);
        assertThat(client.get("/api/robots/" + rover.id() + "/recordings?to=" + T0 + "&from=" + T0, alice.token())
                .status()).isEqualTo(400);
        TestClient.Reply nothing = client.get(playlist(rover, T0.plusSeconds(10), T0.plusSeconds(50)), alice.token());
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.body()).contains("nothing recorded");
    }

    @Test
    void strangersAreRefusedAndARevokedGrantStopsListing() {
        String list = "/api/robots/" + rover.id() + "/recordings";
        assertThat(client.get(list, bob.token()).status()).isEqualTo(403);
        assertThat(client.get(playlist(rover, T0, T0.plusSeconds(4)), bob.token()).status()).isEqualTo(403);
        assertThat(client.get(list, null).status()).isEqualTo(401);
        assertThat(client.post("/api/robots/" + rover.id() + "/permissions", Map.of("user", "bob", "permission", "view"),
                alice.token()).status()).isEqualTo(201);
        assertThat(client.get(list, bob.token()).status()).isEqualTo(200);
        assertThat(client.get(playlist(rover, T0, T0.plusSeconds(4)), bob.token()).status()).isEqualTo(200);
        assertThat(client.delete("/api/robots/" + rover.id() + "/permissions/bob/view", alice.token()).status())
                .isEqualTo(204);
        assertThat(client.get(list, bob.token()).status()).isEqualTo(403);
        assertThat(client.get(playlist(rover, T0, T0.plusSeconds(4)), bob.token()).status()).isEqualTo(403);
    }

    @Test
    void presignedUrlsExpire(TestStores stores) throws Exception {
        try (TestServer shortLived = TestServer.onDatabase(stores, server.database(),
                env(Map.of("RECORDINGS_URL_TTL_SECONDS", "2")), new OwnerDrivesPlayroom())) {
            String text = shortLived.client().get(playlist(rover, T0, T0.plusSeconds(2)), alice.token()).body();
            URI segment = URI.create(text.lines().filter(line -> line.startsWith("http")).findFirst().orElseThrow());
            assertThat(segment.getQuery()).contains("X-Amz-Expires=2");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(segment).header("Range", "bytes=0-99").build();
            assertThat(http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(206);
            Thread.sleep(3500);
            assertThat(http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as("the same URL after its lifetime").isEqualTo(403);
        }
    }

    private static String playlist(NewRobot robot, Instant from, Instant to) {
        return "/api/robots/" + robot.id() + "/recordings.m3u8?from=" + from + "&to=" + to;
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(s3.settings());
        env.put("MEDIAMTX_HOOK_SECRET", SyncScript.HOOK_SECRET);
        env.putAll(extra);
        return env;
    }

    private Map<String, String> uploader() {
        Map<String, String> env = new HashMap<>(s3.uploaderEnv());
        env.put("CONTROL_URL", server.server().internalUri().toString());
        env.put("SYNC_ATTEMPTS", "2");
        return env;
    }

    /**
     * Reads every video packet FFmpeg's HLS demuxer delivers; returns the time they span, run by
     * run (each segment restarts its timestamps after its discontinuity).
     */
    static double playedSeconds(Path playlist) {
        try (InputMedia input = new InputMedia(playlist.toString(), Map.of("protocol_whitelist",
                "file,http,https,tcp,tls,crypto", "allowed_extensions", "ALL"), () -> false);
             Packet packet = new Packet()) {
            int video = input.bestStream(AVMEDIA_TYPE_VIDEO);
            Rational timeBase = Rational.of(input.stream(video).time_base());
            long runStart = Long.MIN_VALUE;
            long runEnd = Long.MIN_VALUE;
            long played = 0;
            long frames = 0;
            while (input.read(packet)) {
                if (packet.av().stream_index() == video) {
                    long pts = packet.av().pts();
                    if (runStart == Long.MIN_VALUE || pts < runEnd - Math.max(packet.av().duration(), 1) * 4) {
                        played += runStart == Long.MIN_VALUE ? 0 : runEnd - runStart;
                        runStart = pts;
                        runEnd = pts;
                    }
                    runStart = Math.min(runStart, pts);
                    runEnd = Math.max(runEnd, pts + Math.max(packet.av().duration(), 0));
                    frames++;
                }
                packet.unref();
            }
            assertThat(frames).as("video frames played").isPositive();
            return (played + runEnd - runStart) * timeBase.value();
        }
    }
}
