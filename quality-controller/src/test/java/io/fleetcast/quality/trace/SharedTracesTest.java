package io.fleetcast.quality.trace;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads the shared traces when this checkout has them (a clean clone does not; the test is
 * then skipped) and checks them against the means their README lists.
 */
class SharedTracesTest {

    @Test
    void readsTheSharedTracesWithTheMeansTheirReadmeLists() {
        Path dir = Stream.of("../shared/traces", "../../shared/traces").map(Path::of)
                .filter(Files::isDirectory).findFirst().orElse(null);
        assumeTrue(dir != null, "shared traces not present in this checkout");

        List<Trace> traces = TraceReader.readAll(dir);
        Map<String, Trace> byName = traces.stream().collect(Collectors.toMap(Trace::name, t -> t));

        assertThat(traces).isNotEmpty();
        assertThat(traces).allMatch(t -> t.kind() != TraceKind.OTHER);
        if (byName.containsKey("ATT-LTE-driving-2016.up")) {
            assertThat(byName.get("ATT-LTE-driving-2016.up").meanBps()).isCloseTo(1.9e6, within(0.1e6));
            assertThat(byName.get("ATT-LTE-driving-2016.up").durationMs()).isCloseTo(120_000L, within(100L));
        }
        if (byName.containsKey("Verizon-LTE-short.up")) {
            assertThat(byName.get("Verizon-LTE-short.up").meanBps()).isCloseTo(6.0e6, within(0.1e6));
        }
    }
}
