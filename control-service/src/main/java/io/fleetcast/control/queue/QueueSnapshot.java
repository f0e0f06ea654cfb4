package io.fleetcast.control.queue;

import java.util.List;
import java.util.Objects;

/**
 * The queue of one playroom robot right after an operation. {@code event} names what the
 * operation did ({@code status} when nothing changed); times are epoch milliseconds.
 */
public record QueueSnapshot(long robot, String event, boolean changed, Long driver, String phase,
        Long readyBy, Long turnEndsAt, List<Long> waiting) {

    public QueueSnapshot {
        Objects.requireNonNull(event, "event");
        waiting = List.copyOf(waiting);
    }

    public static QueueSnapshot empty(long robot) {
        return new QueueSnapshot(robot, "status", false, null, null, null, null, List.of());
    }

    /** 0 for the driver, 1.. while waiting, null when the user is not in the queue. */
    public Integer position(Long user) {
        if (user == null) {
            return null;
        }
        if (user.equals(driver)) {
            return 0;
        }
        int index = waiting.indexOf(user);
        return index < 0 ? null : index + 1;
    }

    public boolean isDriving(Long user) {
        return user != null && user.equals(driver) && "driving".equals(phase);
    }

    public boolean awaitsReady(Long user) {
        return user != null && user.equals(driver) && "ready".equals(phase);
    }

    /** Events after which the robot must stop: whoever was driving no longer is. */
    public boolean endsATurn() {
        return changed && switch (event) {
            case "driver_left", "turn_ended", "idle", "disconnected", "skipped", "cleared" -> true;
            default -> false;
        };
    }

    public QueueSnapshot as(String newEvent) {
        return new QueueSnapshot(robot, newEvent, changed, driver, phase, readyBy, turnEndsAt,
                waiting);
    }
}
