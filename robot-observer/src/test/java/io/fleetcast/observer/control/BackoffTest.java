package io.fleetcast.observer.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15));

    @Test
    void doublesFromMinimumUpToMaximum() {
        assertThat(backoff.delay(0, 0.999)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(backoff.delay(1, 0.999)).isBetween(Duration.ofMillis(998), Duration.ofMillis(1000));
        assertThat(backoff.delay(3, 0.999)).isBetween(Duration.ofMillis(3996), Duration.ofMillis(4000));
        assertThat(backoff.delay(10, 0.999)).isBetween(Duration.ofMillis(14985), Duration.ofSeconds(15));
        assertThat(backoff.delay(Integer.MAX_VALUE, 0.999)).isBetween(Duration.ofMillis(14985), Duration.ofSeconds(15));
    }

    @Test
    void jitterSpreadsEachDelayOverItsUpperHalf() {
        assertThat(backoff.delay(2, 0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.delay(2, 0.5)).isEqualTo(Duration.ofMillis(1500));
    }
}
