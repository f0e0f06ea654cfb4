package io.fleetcast.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.stack.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every benchmark says what it needs from the machine before it builds or runs anything. */
class BenchScriptsTest {
    private static final Path ROOT = Repository.root();

    @TempDir
    Path dir;

    static Stream<String> benchmarks() throws IOException {
        try (Stream<Path> files = Files.list(ROOT)) {
            return files.map(module -> module.resolve("bench")).filter(Files::isDirectory)
                    .flatMap(BenchScriptsTest::scripts).map(script -> ROOT.relativize(script).toString()).toList().stream();
        }
    }

    private static Stream<Path> scripts(Path benchDir) {
        try (Stream<Path> files = Files.list(benchDir)) {
            return files.filter(file -> !file.toString().endsWith(".java") && Files.isExecutable(file)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("benchmarks")
    void statesWhatItNeedsBeforeBuildingAnything(String script) throws Exception {
        Result result = run(List.of(script), Map.of("BENCH_NEEDS_ONLY", "1"));
        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains("has everything it needs: JDK").doesNotContain("building");
    }

    @Test
    void everyMissingPieceIsNamedWithThePackageThatBringsIt() throws Exception {
        Result result = run(List.of("bash", "-c", ". scripts/bench-needs.sh; bench_needs 'some bench' cmd:mvn:maven"
                + " lib:libfleetcast-absent.so.7:fleetcast-absent cmd:fleetcast-absent-tool:fleetcast-tools"
                + " file:/nonexistent/module.so:fleetcast-module"), Map.of());
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.output())
                .contains("some bench: this machine lacks libfleetcast-absent.so.7 fleetcast-absent-tool /nonexistent/module.so")
                .contains("install with:  apt-get install -y fleetcast-absent fleetcast-tools fleetcast-module");
    }

    /** A fresh machine's loader knows no PulseAudio: the ladder bench said nothing and exited 1. */
    @Test
    void ladderOnAMachineWithoutPulseAudioSaysWhatToInstall() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ldconfig = Files.writeString(bin.resolve("ldconfig"), "#!/bin/sh\n"
                + "/sbin/ldconfig -p | grep -v libpulse\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(ldconfig, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result result = run(List.of("bridge-service/bench/ladder"),
                Map.of("PATH", bin + ":" + System.getenv("PATH"), "BENCH_DIR", dir.resolve("work").toString()));
        assertThat(result.status()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("ladder bench: this machine lacks libpulse.so.0")
                .contains("apt-get install -y libpulse0").doesNotContain("building");
    }

    private Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path log = dir.resolve("out-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private record Result(int status, String output) {
    }
}
