package io.fleetcast.quality;

import io.fleetcast.quality.trace.TraceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void simulatesTracesWithFleetcastByDefault() {
        Path first = TraceFiles.pensieve(dir, "norway_x", 1, 2, 3, 1, 2, 2, 2, 2, 2, 2, 2);
        Path second = TraceFiles.mahimahi(dir, "y.up", 2, 5);

        int status = Main.run(new String[]{"simulate", first.toString(), second.toString()}, out);

        assertThat(status).isZero();
        assertThat(output()).contains("sender: base RTT 40 ms", "norway_x", "y.up");
        assertThat(output().lines().filter(l -> l.startsWith("{\"trace\":"))).hasSize(2)
                .allMatch(l -> l.contains("\"controller\":\"fleetcast\"") && l.contains("\"deliveredMbps\":")
                        && l.contains("\"oracleMbps\":") && l.contains("\"ratio\":")
                        && l.contains("\"lateShare\":") && l.contains("\"switchesPerMin\":"));
    }

    @Test
    void simulatesWithEveryController() {
        Path trace = TraceFiles.pensieve(dir, "norway_x", 1, 2, 3, 1, 2, 2);

        int status = Main.run(new String[]{"simulate", "--controller", "all", trace.toString()}, out);

        assertThat(status).isZero();
        assertThat(output().lines().filter(l -> l.startsWith("{\"trace\":\"norway_x\""))).hasSize(3);
    }

    @Test
    void simulatesAFixedStateForReference() {
        Path trace = TraceFiles.pensieve(dir, "fcc_2", 5, 0.5, 0.5, 0.5);

        int status = Main.run(new String[]{"simulate", trace.toString(), "--controller", "fixed-high"}, out);

        assertThat(status).isZero();
        assertThat(output()).contains("\"controller\":\"fixed-high\"", "\"HIGH\":15.0");
    }

    @Test
    void benchesADirectory() {
        TraceFiles.mahimahi(dir, "a.up", 3, 20);
        TraceFiles.pensieve(dir, "fcc_9", 5, 0.5, 0.5, 0.5, 0.5);

        int status = Main.run(new String[]{"bench", dir.toString()}, out);

        assertThat(status).isZero();
        assertThat(output()).contains("bench: 2 traces under", "== cellular:", "== fcc:", "verdict:");
    }

    @Test
    void aBadCommandLineShowsTheUsage() {
        assertThat(Main.run(new String[]{"fly"}, out)).isEqualTo(2);
        assertThat(output()).contains("error: unknown command fly", "usage:");

        assertThat(Main.run(new String[]{"simulate"}, out)).isEqualTo(2);
        assertThat(Main.run(new String[]{"bench", "--sample-ms", "zero"}, out)).isEqualTo(2);
        assertThat(Main.run(new String[]{"bench", "--colour"}, out)).isEqualTo(2);
        assertThat(Main.run(new String[]{"simulate", "x", "--controller", "mystery"}, out)).isEqualTo(2);
    }

    @Test
    void anUnreadableTraceFailsWithItsName() {
        Path trace = TraceFiles.write(dir, "broken.up", "0\nten\n");

        assertThat(Main.run(new String[]{"simulate", trace.toString()}, out)).isEqualTo(1);
        assertThat(output()).contains("error:", "broken.up:2");
    }

    @Test
    void aMissingDirectoryFails() {
        assertThat(Main.run(new String[]{"bench", dir.resolve("none").toString()}, out)).isEqualTo(1);
        assertThat(output()).contains("not a directory");
    }

    @Test
    void helpIsNotAnError() {
        assertThat(Main.run(new String[]{"help"}, out)).isZero();
        assertThat(output()).contains("simulate [--controller NAME|all]", "bench [<trace-dir>]", "../shared/traces");
    }
}
