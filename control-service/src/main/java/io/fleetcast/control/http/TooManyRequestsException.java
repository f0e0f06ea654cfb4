package io.fleetcast.control.http;

import java.time.Duration;

/** Refused until a limit's window ends; {@link ErrorMapping} adds {@code Retry-After}. */
public final class TooManyRequestsException extends ApiException {
    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(429, "too_many_requests", message, null);
        this.retryAfterSeconds = seconds(retryAfter);
    }

    /** Whole seconds, rounded up, at least 1: a client that waits that long is let in. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
