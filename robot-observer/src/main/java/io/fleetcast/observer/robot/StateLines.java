package io.fleetcast.observer.robot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Turns the robot's state lines into objects for the one listener. */
final class StateLines {
    private static final System.Logger LOG = System.getLogger(StateLines.class.getName());

    private final String source;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile Consumer<ObjectNode> listener = state -> { };

    StateLines(String source) {
        this.source = source;
    }

    void listener(Consumer<ObjectNode> listener) {
        this.listener = listener;
    }

    void offer(String line) {
        if (line.isBlank()) {
            return;
        }
        ObjectNode state = JsonLines.parse(line);
        if (state == null) {
            // A robot that speaks another format would flood the log: say it once, then quietly.
            Level level = warned.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG;
            LOG.log(level, "ignoring a state line from " + source + " that is not a JSON object: "
                    + (line.length() > 120 ? line.substring(0, 120) + "..." : line));
            return;
        }
        listener.accept(state);
    }

    void offerAll(String text) {
        for (String line : text.split("\n")) {
            offer(line);
        }
    }
}
