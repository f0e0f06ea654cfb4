package io.fleetcast.control.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final FailureLimiter limiter = new FailureLimiter(3, Duration.ofSeconds(60), now::get);

    @Test
    void blocksAnAddressOnceItReachesTheLimit() {
        assertThat(limiter.recordFailure("a")).isFalse();
        assertThat(limiter.recordFailure("a")).isFalse();
        assertThat(limiter.blocked("a")).isFalse();
        assertThat(limiter.recordFailure("a")).isTrue();
        assertThat(limiter.blocked("a")).isTrue();
    }

    @Test
    void unblocksWhenTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure("a");
        }
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(limiter.blocked("a")).isFalse();
        assertThat(limiter.recordFailure("a")).isFalse();
    }

    @Test
    void keepsAddressesApart() {
        for (int i = 0; i < 50; i++) {
            limiter.recordFailure("a");
        }
        assertThat(limiter.blocked("a")).isTrue();
        assertThat(limiter.blocked("b")).isFalse();
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new FailureLimiter(0, Duration.ofSeconds(1))).hasMessageContaining("at least 1");
    }
}
