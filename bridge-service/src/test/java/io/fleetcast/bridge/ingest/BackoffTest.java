package io.fleetcast.bridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
    @ParameterizedTest
    @CsvSource({"0,500", "1,1000", "2,2000", "3,4000", "4,5000", "40,5000"})
    void doublesUpToTheMaximum(int attempt, long millis) {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));
        assertThat(backoff.delay(attempt)).isEqualTo(Duration.ofMillis(millis));
    }
}
