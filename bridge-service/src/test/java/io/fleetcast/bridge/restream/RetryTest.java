package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.restream.Failure.Kind;
import io.fleetcast.media.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryTest {
    private static final Retry.Policy POLICY = Retry.Policy.of(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    /** Always the top of the jitter range, so the doubling itself is exact. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void delaysDoubleFromOneSecondToThirtyWithEqualJitter() {
        List<Long> highest = delays(POLICY, Kind.TRANSIENT, 8, HIGHEST);
        assertThat(highest).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
        List<Long> jittered = delays(POLICY, Kind.TRANSIENT, 8, new SplittableRandom(7));
        for (int i = 0; i < jittered.size(); i++) {
            assertThat(jittered.get(i)).isBetween(highest.get(i) / 2, highest.get(i));
        }
        assertThat(jittered).isNotEqualTo(highest);
    }

    @Test
    void aMinuteOfHealthStartsTheBackoffOverWhileShorterConnectionsKeepDoubling() {
        Retry retry = Retry.FRESH;
        for (int i = 0; i < 5; i++) {
            retry = POLICY.next(retry, Kind.TRANSIENT, Duration.ZERO, HIGHEST);
        }
        assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(16));
        Retry flapping = POLICY.next(retry, Kind.TRANSIENT, Duration.ofSeconds(59), HIGHEST);
        assertThat(flapping.delay()).isEqualTo(Duration.ofSeconds(30));
        Retry healthy = POLICY.next(retry, Kind.TRANSIENT, Duration.ofMinutes(1), HIGHEST);
        assertThat(healthy.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(healthy.attempt()).isEqualTo(1);
    }

    @Test
    void refusalsAreGivenUpOnAtTheThirdInARowTransientFailuresNever() {
        Retry retry = Retry.FRESH;
        for (int i = 0; i < 1000; i++) {
            retry = POLICY.next(retry, Kind.TRANSIENT, Duration.ZERO, HIGHEST);
        }
        assertThat(retry.giveUp()).isFalse();
        retry = POLICY.next(retry, Kind.REFUSED, Duration.ZERO, HIGHEST);
        retry = POLICY.next(retry, Kind.TLS_REFUSED, Duration.ZERO, HIGHEST);
        assertThat(retry.giveUp()).isFalse();
        assertThat(retry.refusals()).isEqualTo(2);
        assertThat(POLICY.next(retry, Kind.REFUSED, Duration.ZERO, HIGHEST).giveUp()).isTrue();
        Retry interrupted = POLICY.next(retry, Kind.TRANSIENT, Duration.ZERO, HIGHEST);
        assertThat(interrupted.refusals()).isZero();
        assertThat(POLICY.next(interrupted, Kind.REFUSED, Duration.ZERO, HIGHEST).giveUp()).isFalse();
    }

    private static List<Long> delays(Retry.Policy policy, Kind kind, int count, RandomGenerator random) {
        List<Long> delays = new ArrayList<>();
        Retry retry = Retry.FRESH;
        for (int i = 0; i < count; i++) {
            retry = policy.next(retry, kind, Duration.ZERO, random);
            delays.add(retry.delay().toMillis());
        }
        return delays;
    }
}
