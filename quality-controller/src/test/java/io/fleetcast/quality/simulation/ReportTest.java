package io.fleetcast.quality.simulation;

import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.trace.TraceKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private final Report report = new Report("norway_\"x\"", TraceKind.HSDPA, "fleetcast", 120_000,
            2_000_000, 1_900_000, 2_000_000, 0.001, 840, 6, 0.02, 0.005,
            Map.of(QualityState.MEDIUM, 0.75, QualityState.LOW, 0.25));

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
                "\"sentMbps\":2.000", "\"deliveredMbps\":1.900", "\"oracleMbps\":2.000", "\"ratio\":0.950",
                "\"lateShare\":0.0010", "\"maxQueueDelayMs\":840", "\"switches\":6", "\"switchesPerMin\":3.00",
                "\"droppedShare\":0.0200", "\"lostShare\":0.0050",
                "\"secondsPerState\":{\"VERY_LOW\":0.0,\"LOW\":30.0,\"MEDIUM\":90.0,\"HIGH\":0.0}");
    }
}
