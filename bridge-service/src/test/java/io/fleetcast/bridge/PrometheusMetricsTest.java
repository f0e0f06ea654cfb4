package io.fleetcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusMetricsTest {
    private static final String TOKEN = ApiHarness.TOKEN;
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)$");

    /** One sample of the text exposition. */
    record Sample(String name, String labels, double value) {
    }

    @Test
    void metricsCarryTheRunningBroadcastsFiguresAndTheJvms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 16, true, 1_500_000, "ultrafast").writeTo(file);
        try (ApiHarness api = new ApiHarness(dir.resolve("hls"), Map.of());
             LiveCamera camera = new LiveCamera(file, ApiHarness.freePort(), 16)) {
            String body = BroadcastApiTest.body(camera.url).replace("360p:800k", "360p:800k,240p:400k");
            assertThat(api.post("/api/broadcasts/alpha/start", body, TOKEN).statusCode()).isEqualTo(201);
            BroadcastApiTest.await(api, "/api/broadcasts/alpha",
                    s -> s.path("rungs").size() == 2 && s.path("rungs").get(0).path("frames").asLong() >= 8 * 30);
            assertThat(api.get("/metrics", null).statusCode()).isEqualTo(401);
            int samples = 4;
            double fps = 0;
            double top = 0;
            double bottom = 0;
            List<Sample> last = List.of();
            for (int i = 0; i < samples; i++) {
                var answer = api.get("/metrics", TOKEN);
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> v.startsWith("text/plain"));
                last = parse(answer.body());
                fps += value(last, "bridge_input_fps", "broadcast=\"alpha\"") / samples;
                top += value(last, "bridge_rung_bitrate", "rung=\"360p\"") / samples;
                bottom += value(last, "bridge_rung_bitrate", "rung=\"240p\"") / samples;
                Thread.sleep(1000);
            }
            assertThat(fps).isCloseTo(30, within(7.5));
            assertThat(top).isCloseTo(800_000, within(200_000.0));
            assertThat(bottom).isCloseTo(400_000, within(100_000.0));
            assertThat(last.stream().filter(s -> s.name().equals("bridge_rung_fps"))).as("one series per rung").hasSize(2);
            assertThat(value(last, "bridge_live", "broadcast=\"alpha\"")).isEqualTo(1);
            assertThat(value(last, "bridge_slate", "broadcast=\"alpha\"")).isZero();
            assertThat(value(last, "bridge_output_bitrate", "broadcast=\"alpha\"")).isGreaterThan(800_000);
            assertThat(value(last, "bridge_gpu_available", "service=\"bridge\"")).isZero();
            assertThat(last).as("no per-GPU series without a GPU")
                    .noneSatisfy(s -> assertThat(s.name()).startsWith("bridge_gpu_").isNotEqualTo("bridge_gpu_available"));
            assertThat(last).anySatisfy(s -> assertThat(s.name()).isEqualTo("jvm_memory_used_bytes"));
            assertThat(last).anySatisfy(s -> assertThat(s.name()).isEqualTo("jvm_threads_live_threads"));
            api.post("/api/broadcasts/alpha/stop", null, TOKEN);
            assertThat(value(parse(api.get("/metrics", TOKEN).body()), "bridge_live", "broadcast=\"alpha\""))
                    .as("a stopped broadcast is not live").isZero();
        }
    }

    private static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: " + line).isTrue();
            samples.add(new Sample(m.group(1), m.group(2) == null ? "" : m.group(2), Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    private static double value(List<Sample> samples, String name, String label) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().contains(label))
                .mapToDouble(Sample::value).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " with " + label));
    }
}
