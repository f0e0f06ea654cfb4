package io.fleetcast.observer.control;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/**
 * One command for the robot's own software.
 *
 * @param action what to do ({@code move}, {@code stop}, anything the robot understands)
 * @param args   the action's arguments; never null, may be empty
 * @param seq    the driver's counter, or null for a command the observer issued itself
 * @param user   the driver the server named, or null when nobody is to be answered
 */
public record RobotCommand(String action, ObjectNode args, Long seq, Long user) {
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public RobotCommand {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action must match " + ACTION + ", got " + action);
        }
        if (seq != null && seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, got " + seq);
        }
        // A copy: the args are shared between threads and must not change after this point.
        args = args == null ? JsonNodeFactory.instance.objectNode() : args.deepCopy();
    }

    /** A stop the observer issues on its own, with the reason the robot logs. */
    public static RobotCommand stop(String reason) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("reason", reason);
        return new RobotCommand("stop", args, null, null);
    }

    public static RobotCommand move(double linear, double angular) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("linear", linear).put("angular", angular);
        return new RobotCommand("move", args, null, null);
    }

    public boolean isStop() {
        return action.equals("stop");
    }

    /** A move with a nonzero velocity: the robot keeps going until told otherwise. */
    public boolean setsInMotion() {
        return action.equals("move")
                && (args.path("linear").asDouble(0) != 0 || args.path("angular").asDouble(0) != 0);
    }
}
