package io.fleetcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingHealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = ApiHarness.TOKEN;

    @Test
    void theHealthDocumentCarriesTheFiguresOfARunningBroadcast(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 16, true, 1_500_000, "ultrafast").writeTo(file);
        try (ApiHarness api = new ApiHarness(dir.resolve("hls"), Map.of());
             LiveCamera camera = new LiveCamera(file, ApiHarness.freePort(), 16)) {
            String body = BroadcastApiTest.body(camera.url).replace("360p:800k", "360p:800k,240p:400k");
            assertThat(api.post("/api/broadcasts/alpha/start", body, TOKEN).statusCode()).isEqualTo(201);
            // About 8 s of content, then the figures of four one-second windows are averaged.
            BroadcastApiTest.await(api, "/api/broadcasts/alpha",
                    s -> s.path("rungs").size() == 2 && s.path("rungs").get(0).path("frames").asLong() >= 8 * 30);
            double fpsIn = 0;
            double fpsOut = 0;
            double[] rungBits = new double[2];
            double hlsBits = 0;
            int samples = 4;
            JsonNode broadcast = null;
            for (int i = 0; i < samples; i++) {
                var answer = api.get("/api/streaming/health", TOKEN);
                assertThat(answer.statusCode()).isEqualTo(200);
                JsonNode health = JSON.readTree(answer.body());
                assertThat(health.path("gpu").path("available").asBoolean()).isFalse();
                // No driver here: the missing library by name, and what the encoder probe found.
                assertThat(health.path("gpu").path("reason").asText())
                        .containsPattern("lib(cuda|cudart|nvidia-ml)\\.so[.0-9]*: cannot open shared object file")
                        .contains("encoder probe: libx264 opened");
                assertThat(health.path("gpu").has("devices")).isFalse();
                broadcast = health.path("broadcasts").get(0);
                fpsIn += broadcast.path("fpsIn").asDouble() / samples;
                fpsOut += broadcast.path("fpsOut").asDouble() / samples;
                for (int r = 0; r < 2; r++) {
                    rungBits[r] += broadcast.path("rungs").get(r).path("bitRate").asDouble() / samples;
                }
                hlsBits += broadcast.path("outputs").get(0).path("bitRate").asDouble() / samples;
                Thread.sleep(1000);
            }
            assertThat(broadcast.path("name").asText()).isEqualTo("alpha");
            assertThat(broadcast.path("state").asText()).isEqualTo("live");
            assertThat(broadcast.path("encoder").asText()).isEqualTo("libx264");
            assertThat(broadcast.path("encoderReason").asText()).isNotEmpty();
            assertThat(broadcast.path("decode").asText()).isEqualTo("cpu");
            assertThat(broadcast.path("decodeReason").asText()).startsWith("CUDA device 0 did not open: ")
                    .contains("libcuda.so.1");
            assertThat(broadcast.path("slate").asBoolean()).as("the source is there").isFalse();
            assertThat(broadcast.path("droppedFrames").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(broadcast.path("reconnects").asLong()).isZero();
            assertThat(broadcast.path("rungs")).hasSize(2);
            assertThat(fpsIn).as("fps in").isCloseTo(30, within(7.5));
            assertThat(fpsOut).as("fps out").isCloseTo(30, within(7.5));
            assertThat(rungBits[0]).as("360p bit/s").isCloseTo(800_000, within(200_000.0));
            assertThat(rungBits[1]).as("240p bit/s").isCloseTo(400_000, within(100_000.0));
            // HLS carries both rungs and the 128k sound (MPEG-TS overhead aside).
            assertThat(hlsBits).as("HLS output bit/s").isCloseTo(1_328_000, within(332_000.0));
        }
    }
}
