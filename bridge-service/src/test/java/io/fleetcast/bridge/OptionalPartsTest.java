package io.fleetcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each optional part switched on with settings that cannot work: {@code /health} shows it DOWN
 * with the reason (no secret in it) while the broadcast stays live and its local HLS goes on.
 */
class OptionalPartsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = ApiHarness.TOKEN;
    private static final String STREAM_KEY = "abcd-efgh-ijkl-mnop";

    @Test
    void aRestreamDestinationThatRefusesIsDownWithItsReasonWhileTheBroadcastStaysLive(@TempDir Path dir) throws Exception {
        String closed = "rtmp://127.0.0.1:" + ApiHarness.freePort() + "/live2";
        try (ApiHarness api = new ApiHarness(dir.resolve("hls"), Map.of("RESTREAM_PRIMARY_URL", closed,
                "RESTREAM_PRIMARY_KEY", STREAM_KEY));
             LiveCamera camera = new LiveCamera(camera(dir), ApiHarness.freePort(), 20)) {
            assertThat(parts(api).path("restream").path("state").asText()).as("configured, nothing failed yet")
                    .isEqualTo("UP");
            start(api, camera);

            JsonNode restream = awaitPart(api, "restream", "DOWN");

            assertThat(restream.path("reason").asText()).startsWith("restream primary")
                    .containsIgnoringCase("connection refused").doesNotContain(STREAM_KEY);
            assertThat(parts(api).path("s3").path("state").asText()).isEqualTo("OFF");
            assertThat(parts(api).path("audio").path("state").asText()).isEqualTo("OFF");
            assertStillBroadcasting(api, dir.resolve("hls"));
            assertThat(api.get("/metrics", TOKEN).body()).containsPattern(
                    "bridge_output_up\\{broadcast=\"alpha\",output=\"restream primary[^\"]*\",part=\"restream\",service=\"bridge\"} 0.0");
        }
    }

    @Test
    void anUnreachableBucketIsDownWithItsReasonWhileTheBroadcastStaysLive(@TempDir Path dir) throws Exception {
        // Credentials the SDK's default chain finds, so the failure is the endpoint.
        System.setProperty("aws.accessKeyId", "test-access");
        System.setProperty("aws.secretAccessKey", "test-secret-never-shown");
        try (ApiHarness api = new ApiHarness(dir.resolve("hls"), Map.of("S3_BUCKET", "hls", "S3_ENDPOINT",
                "http://127.0.0.1:" + ApiHarness.freePort()));
             LiveCamera camera = new LiveCamera(camera(dir), ApiHarness.freePort(), 20)) {
            start(api, camera);

            JsonNode s3 = awaitPart(api, "s3", "DOWN");

            assertThat(s3.path("reason").asText()).startsWith("HLS to s3://hls").contains("cannot put s3://hls/")
                    .doesNotContain("test-secret-never-shown");
            assertThat(parts(api).path("restream").path("state").asText()).isEqualTo("OFF");
            assertStillBroadcasting(api, dir.resolve("hls"));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    private static Path camera(Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 20, true, 1_500_000, "ultrafast").writeTo(file);
        return file;
    }

    private static void start(ApiHarness api, LiveCamera camera) throws Exception {
        String body = "{\"inputUrl\":\"" + camera.url + "\",\"ladder\":\"360p:800k\"}";
        assertThat(api.post("/api/broadcasts/alpha/start", body, TOKEN).statusCode()).isEqualTo(201);
    }

    private static JsonNode parts(ApiHarness api) throws Exception {
        var answer = api.get("/health", null);
        assertThat(answer.statusCode()).as("a failing part fails alone").isEqualTo(200);
        JsonNode health = JSON.readTree(answer.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        return health.path("parts");
    }

    private static JsonNode awaitPart(ApiHarness api, String part, String state) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        JsonNode parts = parts(api);
        while (!parts.path(part).path("state").asText().equals(state) && System.nanoTime() < until) {
            Thread.sleep(200);
            parts = parts(api);
        }
        assertThat(parts.path(part).path("state").asText()).as("%s in %s", part, parts).isEqualTo(state);
        return parts.path(part);
    }

    /** Live, and the local playlist gains segments after the part went down. */
    private static void assertStillBroadcasting(ApiHarness api, Path hls) throws Exception {
        long before = segments(hls);
        BroadcastApiTest.await(api, "/api/broadcasts/alpha", s -> s.path("state").asText().equals("live"));
        long until = System.nanoTime() + 15_000_000_000L;
        while (segments(hls) < before + 2 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(segments(hls)).as("local HLS segments").isGreaterThanOrEqualTo(before + 2);
    }

    private static long segments(Path hls) throws Exception {
        Path rung = hls.resolve("alpha/360p");
        if (!Files.isDirectory(rung)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(rung)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ts")).count();
        }
    }
}
