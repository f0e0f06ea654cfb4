package io.fleetcast.control.protocol;

import java.util.Set;

/** A user's request on the playroom queue. */
public record QueueRequest(String action) implements Message {

    private static final Set<String> ACTIONS = Set.of("join", "leave", "ready", "status");

    public QueueRequest {
        if (!ACTIONS.contains(action)) {
            throw new ProtocolException("bad_message",
                    "queue action must be join, leave, ready or status", null);
        }
    }

    @Override
    public String type() {
        return "queue";
    }
}
