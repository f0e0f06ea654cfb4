package io.fleetcast.quality.simulation;

import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.trace.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private final Report report = new Report("norway_\"x\"", TraceKind.HSDPA, "fleetcast", 120_000,
            2_000_000, 1_900_000, 0.001, 6, 0.02, 420, Map.of(QualityState.MEDIUM, 0.75, QualityState.LOW, 0.25));

    @Test
    void derivesRatioAndSwitchesPerMinute() {
        assertThat(report.ratio()).isEqualTo(0.95);
        assertThat(report.switchesPerMinute()).isEqualTo(3.0);
    }

    @Test
    void printsOneJsonLineWithEveryMetric() {
        String json = report.toJson();

        assertThat(json).doesNotContain("\n").startsWith("{").endsWith("}");
        assertThat(json).contains("\"trace\":\"norway_\\\"x\\\"\"", "\"kind\":\"hsdpa\"", "\"controller\":\"fleetcast\"",
                "\"oracleKbps\":2000", "\"meanKbps\":1900", "\"ratio\":0.950", "\"latePct\":0.10",
                "\"switches\":6", "\"switchesPerMin\":3.00", "\"droppedPct\":2.00", "\"p95DelayMs\":420",
                "\"stateShare\":{\"VERY_LOW\":0.000,\"LOW\":0.250,\"MEDIUM\":0.750,\"HIGH\":0.000}");
    }
}
