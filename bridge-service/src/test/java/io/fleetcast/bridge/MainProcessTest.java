package io.fleetcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bridge as operators run it: a process, its environment, its exit status and its log. */
class MainProcessTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "RECONNECT_MAX_MS|abc|abc",
        "RECONNECT_MAX_MS|100|must not be below RECONNECT_MIN_MS",
        "FFMPEG_LOG_LEVEL|loud|loud",
        "DRY_RUN|maybe|maybe",
        "AUDIO_PORT|70000|70000",
        "SLATE_IMAGE|{dir}/missing.png|is not a readable file",
        "HLS_DIR|{file}/hls|is not a directory this process can write to",
    })
    void everyBadKeyExitsTwoNamingTheKeyWithoutAStackTrace(String key, String value, String why) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "not a directory");
        String resolved = value.replace("{dir}", dir.toString()).replace("{file}", file.toString());
        Map<String, String> env = new HashMap<>(Map.of("DRY_RUN", "true", "HLS_DIR", dir.resolve("hls").toString()));
        env.put(key, resolved);
        Exited exited = run(env, Duration.ofSeconds(60));
        assertThat(exited.status()).as(exited.output()).isEqualTo(2);
        assertThat(exited.output()).contains("bad configuration: " + key).contains(why)
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aSignalClosesEveryPartAndSaysSo() throws Exception {
        Process process = start(Map.of("API_PORT", "0", "HLS_DIR", dir.resolve("hls").toString(),
                "AUDIO_PORT", "0"));
        Path log = dir.resolve("bridge.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(log).contains("bridge started") && System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
            Thread.sleep(100);
        }
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        String output = Files.readString(log);
        assertThat(output).contains("bridge started").contains("bridge stopped").doesNotContain("closing failed");
        assertThat(process.exitValue()).isEqualTo(143);
    }

    private Exited run(Map<String, String> env, Duration limit) throws IOException, InterruptedException {
        Process process = start(env);
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return new Exited(process.exitValue(), Files.readString(dir.resolve("bridge.log"), StandardCharsets.UTF_8));
    }

    private Process start(Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("bridge.log").toFile());
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private record Exited(int status, String output) {
    }
}
