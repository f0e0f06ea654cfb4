package io.fleetcast.control.socket;

import java.util.ArrayDeque;

/** Counts refused messages of one socket in a sliding window; used by its reader thread only. */
final class AbuseMeter {

    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> strikes = new ArrayDeque<>();

    AbuseMeter(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    /** Records a strike; true when the socket has now exceeded its allowance. */
    boolean strike(long nowNanos) {
        strikes.addLast(nowNanos);
        while (!strikes.isEmpty() && nowNanos - strikes.peekFirst() > windowNanos) {
            strikes.removeFirst();
        }
        return strikes.size() > limit;
    }
}
