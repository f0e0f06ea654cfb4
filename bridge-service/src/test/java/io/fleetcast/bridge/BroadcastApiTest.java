package io.fleetcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.media.source.SyntheticSource;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BroadcastApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = ApiHarness.TOKEN;

    @Test
    void startsListsAndStopsTwoBroadcastsAtOnceAndStoppingTwiceIsHarmless(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 12, true, 1_000_000, "ultrafast").writeTo(file);
        try (ApiHarness api = new ApiHarness(dir.resolve("hls"), Map.of());
             LiveCamera one = new LiveCamera(file, ApiHarness.freePort(), 12);
             LiveCamera two = new LiveCamera(file, ApiHarness.freePort(), 12)) {
            var alpha = api.post("/api/broadcasts/alpha/start", body(one.url), TOKEN);
            assertThat(alpha.statusCode()).as(alpha.body()).isEqualTo(201);
            assertThat(api.post("/api/broadcasts/beta/start", body(two.url), TOKEN).statusCode()).isEqualTo(201);

            for (String name : List.of("alpha", "beta")) {
                JsonNode status = await(api, "/api/broadcasts/" + name,
                        s -> s.path("state").asText().equals("live") && s.path("rungs").size() == 1
                                && s.path("rungs").get(0).path("frames").asLong() > 30);
                assertThat(status.path("name").asText()).isEqualTo(name);
                assertThat(status.path("input").asText()).startsWith("tcp://127.0.0.1:");
                assertThat(status.path("encoder").asText()).isEqualTo("libx264");
                assertThat(status.path("rungs").get(0).path("name").asText()).isEqualTo("360p");
                assertThat(status.path("outputs")).hasSize(1);
                assertThat(status.path("outputs").get(0).path("state").asText()).isNotEmpty();
                assertThat(status.path("outputs").get(0).has("lastError")).isTrue();
            }
            JsonNode list = JSON.readTree(api.get("/api/broadcasts", TOKEN).body()).path("broadcasts");
            assertThat(list.valueStream().map(b -> b.path("name").asText())).containsExactly("alpha", "beta");
            assertThat(list.valueStream().map(b -> b.path("state").asText())).containsOnly("live");

            // The hooks may call start again: a running broadcast is left alone, a changed one refused.
            var repeated = api.post("/api/broadcasts/alpha/start", null, TOKEN);
            assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
            var changed = api.post("/api/broadcasts/alpha/start", body(one.url).replace("360p:800k", "240p:400k"), TOKEN);
            assertThat(changed.statusCode()).isEqualTo(409);

            var stopped = api.post("/api/broadcasts/alpha/stop", null, TOKEN);
            assertThat(stopped.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(stopped.body()).path("state").asText()).isEqualTo("stopped");
            var again = api.post("/api/broadcasts/alpha/stop", null, TOKEN);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).path("state").asText()).isEqualTo("stopped");
            assertThat(JSON.readTree(api.get("/api/broadcasts/beta", TOKEN).body()).path("state").asText())
                    .as("the other broadcast goes on").isEqualTo("live");
            assertThat(api.post("/api/broadcasts/nobody/stop", null, TOKEN).statusCode()).isEqualTo(404);
            assertThat(api.post("/api/broadcasts/beta/stop", null, TOKEN).statusCode()).isEqualTo(200);
        }
        for (String name : List.of("alpha", "beta")) {
            Path playlist = dir.resolve("hls/" + name + "/360p/index.m3u8");
            assertThat(playlist).exists();
            assertThat(Files.readString(playlist)).contains("#EXTINF");
        }
    }

    @Test
    void everyRouteButHealthNeedsTheToken(@TempDir Path dir) throws Exception {
        try (ApiHarness api = new ApiHarness(dir, Map.of())) {
            assertThat(api.get("/health", null).statusCode()).isEqualTo(200);
            for (String path : List.of("/api/broadcasts", "/api/broadcasts/alpha", "/api/nothing")) {
                HttpResponse<String> none = api.get(path, null);
                assertThat(none.statusCode()).as(path).isEqualTo(401);
                assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Bearer"));
                assertThat(JSON.readTree(none.body()).path("error").asText()).isEqualTo("unauthorized");
                assertThat(api.get(path, TOKEN + "x").statusCode()).as(path).isEqualTo(401);
            }
            var start = api.post("/api/broadcasts/alpha/start", body("tcp://127.0.0.1:9"), "wrong-token-0123456789");
            assertThat(start.statusCode()).isEqualTo(401);
            assertThat(start.body()).doesNotContain(TOKEN);
            assertThat(api.get("/api/broadcasts", TOKEN).statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(api.get("/api/broadcasts", TOKEN).body()).path("broadcasts")).isEmpty();
        }
        try (ApiHarness off = new ApiHarness(dir, Map.of("BRIDGE_API_TOKEN", ""))) {
            assertThat(off.get("/health", null).statusCode()).isEqualTo(200);
            var refused = off.get("/api/broadcasts", TOKEN);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("BRIDGE_API_TOKEN is not set");
        }
    }

    @Test
    void badBodiesGet400NamingTheFieldAndStartNothing(@TempDir Path dir) throws Exception {
        String url = "tcp://127.0.0.1:9";
        Map<String, String[]> cases = Map.of(
                "{\"inputUrl\":\"" + url + "\",\"ladderz\":\"360p:800k\"}", new String[] {"alpha", "ladderz"},
                "{\"inputUrl\":\"ftp://host/x\"}", new String[] {"alpha", "inputUrl"},
                "{\"inputUrl\":\"not a url\"}", new String[] {"alpha", "inputUrl"},
                "{\"inputUrl\":\"/etc/passwd\"}", new String[] {"alpha", "inputUrl"},
                "{\"ladder\":\"360p:800k\"}", new String[] {"alpha", "inputUrl"},
                "{\"inputUrl\":\"" + url + "\",\"ladder\":\"999x:1k\"}", new String[] {"alpha", "ladder"},
                "{\"inputUrl\":\"" + url + "\",\"destinations\":[{\"url\":\"rtmp://h/app\",\"key\":\"k\",\"rung\":\"1080p\"}]}",
                new String[] {"alpha", "destinations[0].rung"},
                "{\"inputUrl\":\"" + url + "\",\"destinations\":[{\"url\":\"http://h/app\",\"key\":\"k\"}]}",
                new String[] {"alpha", "destinations[0].url"},
                "{\"inputUrl\":\"" + url + "\",\"destinations\":[{\"url\":\"rtmp://h/app\",\"keys\":\"k\"}]}",
                new String[] {"alpha", "destinations[0].keys"},
                "{\"inputUrl\":\"" + url + "\"}", new String[] {"720p", "name"});
        try (ApiHarness api = new ApiHarness(dir, Map.of())) {
            for (var c : cases.entrySet()) {
                var answer = api.post("/api/broadcasts/" + c.getValue()[0] + "/start", c.getKey(), TOKEN);
                assertThat(answer.statusCode()).as(c.getKey()).isEqualTo(400);
                JsonNode error = JSON.readTree(answer.body());
                assertThat(error.path("error").asText()).isEqualTo("bad_request");
                assertThat(error.path("field").asText()).as(c.getKey()).isEqualTo(c.getValue()[1]);
                assertThat(error.path("message").asText()).as(c.getKey()).startsWith(c.getValue()[1]);
            }
            assertThat(api.post("/api/broadcasts/alpha/start", "{\"inputUrl\":", TOKEN).statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(api.get("/api/broadcasts", TOKEN).body()).path("broadcasts"))
                    .as("nothing started").isEmpty();
            assertThat(api.manager.list()).isEmpty();
        }
    }

    @Test
    void aBroadcastWhoseInputNeverAppearsReportsWhy(@TempDir Path dir) throws Exception {
        try (ApiHarness api = new ApiHarness(dir, Map.of())) {
            String nobody = "tcp://127.0.0.1:" + ApiHarness.freePort();
            assertThat(api.post("/api/broadcasts/ghost/start", body(nobody), TOKEN).statusCode()).isEqualTo(201);
            JsonNode status = await(api, "/api/broadcasts/ghost", s -> !s.path("lastError").asText().isEmpty());
            assertThat(status.path("state").asText()).isIn("connecting", "reconnecting");
            assertThat(status.path("lastError").asText()).containsIgnoringCase("refused");
            assertThat(api.post("/api/broadcasts/ghost/stop", null, TOKEN).statusCode()).isEqualTo(200);
        }
    }

    static String body(String inputUrl) {
        return "{\"inputUrl\":\"" + inputUrl + "\",\"ladder\":\"360p:800k\",\"destinations\":[]}";
    }

    static JsonNode await(ApiHarness api, String path, Predicate<JsonNode> condition) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < until) {
            last = JSON.readTree(api.get(path, TOKEN).body());
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not reached in 30 s, last " + path + ": " + last);
    }
}
