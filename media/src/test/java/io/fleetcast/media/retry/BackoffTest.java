package io.fleetcast.media.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void doublesUpToTheMaximum() {
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheDelayAndSpreads() {
        Random random = new Random(7);
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int i = 0; i < 1000; i++) {
            long millis = backoff.delay(3, random).toMillis();
            assertThat(millis).isBetween(4000L, 8000L);
            smallest = Math.min(smallest, millis);
            largest = Math.max(largest, millis);
        }
        assertThat(largest - smallest).as("delays spread over the range").isGreaterThan(3000);
    }

    @Test
    void refusesAMaximumBelowTheMinimum() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("min <= max");
    }
}
