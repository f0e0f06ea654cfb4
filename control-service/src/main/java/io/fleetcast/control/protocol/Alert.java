package io.fleetcast.control.protocol;

import java.util.Objects;

/**
 * An owner alert raised ({@code active}) or cleared. {@code id} names the episode: its raise
 * and its clear carry the same one. {@code since} is when the condition began, {@code at} when
 * this message was decided (epoch ms).
 */
public record Alert(String id, long robot, String kind, boolean active, long since, long at, String message)
        implements Message {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String type() {
        return "alert";
    }
}
