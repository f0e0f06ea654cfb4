package io.fleetcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetcast.media.source.SyntheticSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the playroom hooks' command lines from mediamtx.yml, as MediaMTX would, against the API. */
class MediamtxHooksTest {
    private static final Path MEDIAMTX_YML = Path.of("../mediamtx/mediamtx.yml");

    @Test
    void theAvailableHookStartsThePlayroomAndTheUnavailableHookKeepsItOnTheSlate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 8, true, 1_000_000, "ultrafast").writeTo(file);
        int port = ApiHarness.freePort();
        try (LiveCamera camera = new LiveCamera(file, port, 8);
             ApiHarness api = new ApiHarness(dir.resolve("hls"), Map.of("AUTOSTART_INPUT_URL", camera.url))) {
            Map<String, String> env = Map.of("BRIDGE_API_TOKEN", ApiHarness.TOKEN,
                    "BRIDGE_API_URL", api.uri().toString().replaceAll("/$", ""), "MTX_PATH", "playroom");
            Hook available = run(hook("runOnAvailable"), env);
            assertThat(available.exit()).as(available.output()).isZero();
            assertThat(available.output()).contains("\"name\":\"playroom\"");
            BroadcastApiTest.await(api, "/api/broadcasts/playroom", s -> s.path("state").asText().equals("live"));
            BroadcastApiTest.await(api, "/api/broadcasts/playroom",
                    s -> Files.exists(dir.resolve("hls/playroom/360p/index.m3u8"))
                            || Files.exists(dir.resolve("hls/360p/index.m3u8")));
            assertThat(dir.resolve("hls/360p/index.m3u8")).as("the main broadcast writes HLS_DIR itself").exists();

            assertThat(run(hook("runOnAvailable"), env).exit()).as("a second start is harmless").isZero();
            Hook unavailable = run(hook("runOnUnavailable"), env);
            assertThat(unavailable.exit()).as(unavailable.output()).isZero();
            assertThat(unavailable.output()).contains("keeps running");
            assertThat(api.manager.status("playroom").orElseThrow().state()).isNotEqualTo("stopped");

            Hook refused = run(hook("runOnAvailable"), Map.of("BRIDGE_API_TOKEN", "wrong-token-0123456789",
                    "BRIDGE_API_URL", env.get("BRIDGE_API_URL"), "MTX_PATH", "playroom"));
            assertThat(refused.exit()).as("curl -f fails on the 401").isEqualTo(22);
        }
    }

    record Hook(int exit, String output) {
    }

    /** The value of {@code key} under the playroom path, parsed as YAML as MediaMTX reads it. */
    static String hook(String key) throws IOException {
        JsonNode value = new ObjectMapper(new YAMLFactory()).readTree(MEDIAMTX_YML.toFile())
                .path("paths").path("playroom").path(key);
        assertThat(value.isTextual()).as(key + " on the playroom path in mediamtx.yml").isTrue();
        return value.asText();
    }

    /** The command line through a shell, with the env MediaMTX would give it. */
    static Hook run(String command, Map<String, String> env) throws Exception {
        ProcessBuilder process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
        process.environment().putAll(env);
        Process p;
        try {
            p = process.start();
        } catch (IOException e) {
            throw new AssertionError("the hooks need sh and curl: apt-get install curl", e);
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("hook finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() == 127) {
            throw new AssertionError("curl is missing (apt-get install curl; .ci/run installs it): " + output);
        }
        return new Hook(p.exitValue(), output);
    }
}
