package io.fleetcast.control.socket;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one piece of a socket's state that two threads share, as one atomic word: whether a
 * command is on its way to the robot, whether any went, whether the socket ended, whether its
 * end owes the robot a stop, and whether the stop went. The socket's reader forwards commands;
 * the end runs once, on the reader (a close frame) or on the writer (a close the server sent, a
 * failed write, a reader found dead). Whoever comes last sends the stop, after the last command:
 * the end when nothing is in flight, else the reader once its command is out. A command read
 * after the end is refused, so nothing overtakes the stop.
 */
final class Departure {
    private static final int IN_FLIGHT = 1;
    private static final int COMMANDED = 2;
    private static final int ENDED = 4;
    private static final int STOP_OWED = 8;
    private static final int STOPPED = 16;

    private final AtomicInteger state = new AtomicInteger();

    /** Reader, before forwarding a command: false once the socket ended (the command is refused). */
    boolean beforeCommand() {
        while (true) {
            int s = state.get();
            if ((s & ENDED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s | IN_FLIGHT)) {
                return true;
            }
        }
    }

    /** Reader, after forwarding: true when the stop is now this thread's to send (the socket ended meanwhile). */
    boolean afterCommand() {
        while (true) {
            int s = state.get();
            int next = (s & ~IN_FLIGHT) | COMMANDED;
            if ((next & (ENDED | STOP_OWED)) == (ENDED | STOP_OWED)) {
                next |= STOPPED;
            }
            if (state.compareAndSet(s, next)) {
                return stopsNow(s, next);
            }
        }
    }

    /**
     * The end, once: {@code owesStop} says whether this driver's leaving stops the robot (no
     * other socket of theirs on the robot here). True when the stop is now the caller's to send.
     */
    boolean end(boolean owesStop) {
        while (true) {
            int s = state.get();
            int next = s | ENDED | (owesStop ? STOP_OWED : 0);
            if (owesStop && (s & COMMANDED) != 0 && (s & IN_FLIGHT) == 0) {
                next |= STOPPED;
            }
            if (state.compareAndSet(s, next)) {
                return stopsNow(s, next);
            }
        }
    }

    private static boolean stopsNow(int before, int after) {
        return (before & STOPPED) == 0 && (after & STOPPED) != 0;
    }
}
