package io.fleetcast.quality.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TraceReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsMahimahiAsOnePacketPerLine() {
        Path file = TraceFiles.write(dir, "link.up", "0\n0\n5\n9\n10\n");
        Trace trace = TraceReader.read(file);

        assertThat(trace.format()).isEqualTo(TraceFormat.MAHIMAHI);
        assertThat(trace.durationMs()).isEqualTo(10);
        // The stamp equal to the period is the first millisecond of the next pass.
        assertThat(trace.bytesAt(0)).isEqualTo(3 * 1500);
        assertThat(trace.bytesAt(5)).isEqualTo(1500);
        assertThat(trace.bytesAt(6)).isZero();
        assertThat(trace.bytesAt(10)).isEqualTo(trace.bytesAt(0));
    }

    @Test
    void mahimahiMeanMatchesItsPacketRate() {
        Trace trace = TraceReader.read(TraceFiles.mahimahi(dir, "steady.up", 2.4, 5));

        assertThat(trace.meanBps()).isCloseTo(2.4e6, within(0.05e6));
    }

    @Test
    void readsPensieveAsHeldSteps() {
        Path file = TraceFiles.write(dir, "norway_bus_9", "0.0\t1.0\n0.5\t4.0\n1.5\t2.0\n");
        Trace trace = TraceReader.read(file);

        assertThat(trace.format()).isEqualTo(TraceFormat.PENSIEVE);
        assertThat(trace.durationMs()).isEqualTo(1500);
        assertThat(trace.bytesAt(0)).isEqualTo(125.0, within(1e-3));
        assertThat(trace.bytesAt(499)).isEqualTo(125.0, within(1e-3));
        assertThat(trace.bytesAt(500)).isEqualTo(500.0, within(1e-3));
        assertThat(trace.capacityBits(0, 1500)).isCloseTo(0.5e6 + 4e6, within(1.0));
    }

    @Test
    void rejectsTimeGoingBackwardsWithTheLineNumber() {
        Path mahimahi = TraceFiles.write(dir, "bad.up", "0\n7\n3\n");
        Path pensieve = TraceFiles.write(dir, "bad", "0\t1\n2\t1\n1\t1\n");

        assertThatThrownBy(() -> TraceReader.read(mahimahi))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("bad.up:3");
        assertThatThrownBy(() -> TraceReader.read(pensieve))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("bad:3");
    }

    @Test
    void rejectsWhatIsNeitherFormat() {
        Path file = TraceFiles.write(dir, "notes", "hello world again\n");

        assertThatThrownBy(() -> TraceReader.read(file))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("neither mahimahi nor pensieve");
    }

    @Test
    void rejectsPensieveWithOneSample() {
        Path file = TraceFiles.write(dir, "fcc_1", "0\t1.0\n");

        assertThatThrownBy(() -> TraceReader.read(file)).hasMessageContaining("at least two samples");
    }

    @Test
    void rejectsEmptyFile() {
        Path file = TraceFiles.write(dir, "empty.up", "\n\n");

        assertThatThrownBy(() -> TraceReader.read(file)).hasMessageContaining("no data lines");
    }

    @Test
    void readsEveryTraceUnderADirectoryAndSkipsDocumentation() {
        TraceFiles.mahimahi(dir.resolve("mahimahi"), "b.up", 1, 2);
        TraceFiles.pensieve(dir.resolve("pensieve"), "fcc_1", 5, 0.5, 0.6);
        TraceFiles.pensieve(dir.resolve("pensieve"), "norway_car_9", 1, 2, 3);
        TraceFiles.write(dir, "README.md", "# traces\n");

        List<Trace> traces = TraceReader.readAll(dir);

        assertThat(traces).extracting(Trace::name).containsExactly("b.up", "fcc_1", "norway_car_9");
        assertThat(traces).extracting(Trace::kind)
                .containsExactly(TraceKind.CELLULAR, TraceKind.BROADBAND, TraceKind.HSDPA);
    }

    @Test
    void refusesAMissingDirectory() {
        assertThatThrownBy(() -> TraceReader.readAll(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
    }

    @ParameterizedTest
    @CsvSource({
            "norway_tram_3,     PENSIEVE, HSDPA",
            "fcc_12345,         PENSIEVE, BROADBAND",
            "Verizon-LTE.up,    MAHIMAHI, CELLULAR",
            "whatever,          MAHIMAHI, CELLULAR",
            "whatever,          PENSIEVE, OTHER"})
    void classifiesKindByDatasetNameThenFormat(String name, TraceFormat format, TraceKind kind) {
        assertThat(TraceKind.classify(name, format)).isEqualTo(kind);
    }
}
