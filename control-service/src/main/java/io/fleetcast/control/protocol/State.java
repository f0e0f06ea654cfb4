package io.fleetcast.control.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** Robot state, fanned out to everyone watching; {@code at} is the robot's clock in ms. */
public record State(long at, ObjectNode data) implements Message {

    public State {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public String type() {
        return "state";
    }
}
