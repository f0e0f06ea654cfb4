package io.fleetcast.bridge.restream;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The interrupt FFmpeg polls during every blocking call of one connection (about every
 * 100 ms while it waits on the socket): true once the armed time has passed or the output is
 * closing. The time is ours, not a protocol option, because FFmpeg's RTMP client hands its
 * options down to TCP and TLS only in part ({@code timeout} even means "listen" to it), and
 * an interrupt also covers DNS, the TLS handshake, the publish exchange and the trailer.
 */
final class Deadline implements BooleanSupplier {
    private final BooleanSupplier closing;
    private volatile long expiresAt;
    private volatile boolean expired;

    Deadline(BooleanSupplier closing, Duration first) {
        this.closing = closing;
        arm(first);
    }

    /** The next blocking call may take {@code allowed} at most. */
    void arm(Duration allowed) {
        expired = false;
        expiresAt = System.nanoTime() + allowed.toNanos();
    }

    /** True when the last armed call ran out of time (FFmpeg then reports AVERROR_EXIT). */
    boolean expired() {
        return expired;
    }

    @Override
    public boolean getAsBoolean() {
        if (closing.getAsBoolean()) {
            return true;
        }
        if (System.nanoTime() - expiresAt > 0) {
            expired = true;
            return true;
        }
        return false;
    }
}
