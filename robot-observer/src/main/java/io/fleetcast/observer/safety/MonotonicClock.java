package io.fleetcast.observer.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that only moves forward at the pace of {@link System#nanoTime()}: the deadman's.
 * The wall clock can step back when NTP corrects it (robots without a real-time clock do so at
 * every boot), and a deadline on it would then keep a driverless robot moving.
 */
final class MonotonicClock extends Clock {
    private static final long ORIGIN_NANOS = System.nanoTime();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return (System.nanoTime() - ORIGIN_NANOS) / 1_000_000;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
