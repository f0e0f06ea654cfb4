package io.fleetcast.control.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.IntSupplier;

/** Polls a call until it answers as expected (cross-instance changes arrive through Redis). */
public final class Eventually {
    private Eventually() {
    }

    /** Polls {@code call} every 10 ms until it returns {@code expected}; fails after {@code within}. */
    public static Duration status(IntSupplier call, int expected, Duration within) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        int status = call.getAsInt();
        while (status != expected && System.nanoTime() < deadline) {
            sleep(10);
            status = call.getAsInt();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(status).as("status after %s ms", took.toMillis()).isEqualTo(expected);
        return took;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
