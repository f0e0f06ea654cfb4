package io.fleetcast.control.protocol;

import java.util.Objects;

/**
 * The playroom queue as one member sees it. {@code position} is 0 for the driver, 1.. while
 * waiting, null when not queued; times are epoch milliseconds, null when not applicable.
 */
public record QueueEvent(String event, Long driver, String phase, Long readyBy, Long turnEndsAt,
        int length, Integer position) implements Message {

    public QueueEvent {
        Objects.requireNonNull(event, "event");
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0");
        }
    }

    @Override
    public String type() {
        return "queue";
    }
}
