package io.fleetcast.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.stack.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One behaviour for every service (service-config): a bad key stops the packaged jar with exit
 * status 2 and one line that names the key and the value, without a stack trace.
 */
class BadConfigurationTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "control-service|CONTROL_PORT=eighty||CONTROL_PORT|eighty",
        "control-service|MEDIA_JWT_KEYS_FILE=/nonexistent/keys.json||MEDIA_JWT_KEYS_FILE|/nonexistent/keys.json",
        "bridge-service|FFMPEG_LOG_LEVEL=loud DRY_RUN=true||FFMPEG_LOG_LEVEL|loud",
        "robot-observer|ROBOT_ID=12 STREAM_KEY=k3y MAX_DELAY_MS=soon||MAX_DELAY_MS|soon",
        "robot-observer|ROBOT_ID=12 STREAM_KEY=k3y GATEWAY_AUTH=jwt||GATEWAY_AUTH|jwt",
        "local-stack|BRIDGE_API_PORT=99999||BRIDGE_API_PORT|99999",
        "quality-controller||simulate --duration-s soon trace.csv|--duration-s|soon",
    })
    void aBadKeyExitsTwoNamingTheKeyAndTheValue(String module, String env, String args, String key, String value)
            throws Exception {
        Path jar = Repository.root().resolve(module).resolve("target").resolve(module + ".jar");
        assertThat(jar).as("packaged by the build before e2e").isRegularFile();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        if (args != null) {
            command.addAll(List.of(args.split(" ")));
        }
        Path log = dir.resolve("out.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
        builder.environment().put("FLEETCAST_DATA_DIR", dir.resolve("data").toString());
        if (env != null) {
            for (String pair : env.split(" ")) {
                builder.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains(key).contains(value).doesNotContain("\tat ");
    }
}
