package io.fleetcast.control.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A command for the robot. Clients send {@code seq}, {@code action}, {@code args}; the
 * server stamps {@code user} (who sent it) before relaying, so the robot can address its ack.
 */
public record Command(long seq, String action, ObjectNode args, Long user) implements Message {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** The action the server sends when the driver changes or leaves. */
    public static final String STOP = "stop";

    public Command {
        if (seq < 0) {
            throw new ProtocolException("bad_message", "seq must be >= 0", null);
        }
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new ProtocolException("bad_message",
                    "action must match [a-z][a-z0-9_]{0,63}", seq);
        }
        Objects.requireNonNull(args, "args");
    }

    public Command withUser(Long sender) {
        return new Command(seq, action, args, sender);
    }

    @Override
    public String type() {
        return "command";
    }
}
