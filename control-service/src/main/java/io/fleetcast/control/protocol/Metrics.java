package io.fleetcast.control.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** Network and encoder quality measured on the robot, fanned out to everyone watching. */
public record Metrics(long at, ObjectNode network, ObjectNode quality) implements Message {

    public Metrics {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(quality, "quality");
    }

    @Override
    public String type() {
        return "metrics";
    }
}
