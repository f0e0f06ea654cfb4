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
    void simulatesOneTraceWithEveryController() {
        Path trace = TraceFiles.pensieve(dir, "norway_x", 1, 2, 3, 1, 2, 2, 2, 2, 2, 2, 2);

        int status = Main.run(new String[]{"simulate", trace.toString()}, out);

        assertThat(status).isZero();
        assertThat(output()).contains("trace: norway_x (hsdpa, PENSIEVE", "sender: base RTT 40 ms");
        assertThat(output().lines().filter(l -> l.startsWith("{\"trace\":\"norway_x\""))).hasSize(3);
    }

    @Test
    void simulatePrintsATimelineForOneController() {
        Path trace = TraceFiles.mahimahi(dir, "x.up", 2, 5);

        int status = Main.run(new String[]{"simulate", trace.toString(), "--controller", "fleetcast",
                "--timeline", "--duration-s", "8", "--drop-after-ms", "never", "--sample-ms", "50"}, out);

        assertThat(status).isZero();
        assertThat(output()).contains("never drop", "samples every 50 ms", "\"durationS\":8.0",
                "second,capacity_kbps,state,target_kbps");
        assertThat(output().lines().filter(l -> l.matches("\\d+,\\d+,[A-Z_]+,.*"))).hasSize(8);
    }

    @Test
    void simulatesAFixedStateForReference() {
        Path trace = TraceFiles.pensieve(dir, "fcc_2", 5, 0.5, 0.5, 0.5);

        int status = Main.run(new String[]{"simulate", trace.toString(), "--controller", "fixed-high"}, out);

        assertThat(status).isZero();
        assertThat(output()).contains("\"controller\":\"fixed-high\"", "\"HIGH\":1.000");
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
        assertThat(output()).contains("simulate <trace-file>", "bench [<trace-dir>]", "../shared/traces");
    }
}
