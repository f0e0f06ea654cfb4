package io.fleetcast.control.protocol;

import java.util.Objects;

/** Sent by the server when a socket opens and in answer to {@link Hello}. */
public record Welcome(int v, long robot, String kind, Role role, Long user, boolean robotOnline)
        implements Message {

    public Welcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String type() {
        return "welcome";
    }
}
