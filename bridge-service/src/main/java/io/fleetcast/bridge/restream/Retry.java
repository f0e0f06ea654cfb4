package io.fleetcast.bridge.restream;

import io.fleetcast.media.retry.Backoff;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The reconnect decision after a failure, as a value: how many attempts in a row failed,
 * how many of them were refusals, and what to do now. Pure (time and chance come in), so the
 * tests are exact.
 *
 * <p>Delays double from the backoff's minimum to its maximum with equal jitter; a connection
 * that stayed up for {@code healthyAfter} starts again from the minimum. A refusal (publish
 * or TLS) is given up on only when it repeats {@code refusalsToGiveUp} times in a row: a
 * server may still hold the previous session of this very destination for a moment and refuse
 * the new one ("Already publishing").
 */
record Retry(int attempt, int refusals, Duration delay, boolean giveUp) {
    static final Retry FRESH = new Retry(0, 0, Duration.ZERO, false);

    record Policy(Backoff backoff, Duration healthyAfter, int refusalsToGiveUp) {
        static final Duration HEALTHY_AFTER = Duration.ofMinutes(1);
        static final int REFUSALS_TO_GIVE_UP = 3;

        Policy {
            if (refusalsToGiveUp < 1) {
                throw new IllegalArgumentException("refusalsToGiveUp must be at least 1");
            }
        }

        static Policy of(Backoff backoff) {
            return new Policy(backoff, HEALTHY_AFTER, REFUSALS_TO_GIVE_UP);
        }

        /**
         * @param liveFor how long the connection that just ended was up (zero when the attempt
         *                itself failed)
         */
        Retry next(Retry previous, Failure.Kind kind, Duration liveFor, RandomGenerator random) {
            boolean healthy = liveFor.compareTo(healthyAfter) >= 0;
            int attempt = healthy ? 0 : previous.attempt();
            int refusals = kind == Failure.Kind.TRANSIENT || !liveFor.isZero() ? 0 : previous.refusals() + 1;
            if (refusals >= refusalsToGiveUp) {
                return new Retry(attempt, refusals, Duration.ZERO, true);
            }
            return new Retry(attempt + 1, refusals, backoff.delay(attempt, random), false);
        }
    }
}
