package io.fleetcast.observer.robot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcast.observer.control.RobotCommand;

/** Commands as the robot's software reads them: one JSON object per line, LeRobot style. */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** {@code {"action":"move","args":{...},"seq":17,"user":3}} and a newline; seq and user only when known. */
    static String encode(RobotCommand command) {
        ObjectNode line = JSON.createObjectNode().put("action", command.action());
        line.set("args", command.args());
        if (command.seq() != null) {
            line.put("seq", command.seq());
        }
        if (command.user() != null) {
            line.put("user", command.user());
        }
        try {
            return JSON.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write command " + command.action(), e);
        }
    }

    /** The line's JSON object, or null when the line is not one. */
    static ObjectNode parse(String line) {
        try {
            return JSON.readTree(line) instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
