package io.fleetcast.control.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.control.socket.Probe;
import java.util.ArrayList;
import java.util.List;

/** Commands as the robot's socket receives them, each with the moment it arrived. */
final class Arrivals {
    record Arrival(long nanos, JsonNode command) {
        String action() {
            return command.path("action").asText();
        }
    }

    private Arrivals() {
    }

    /** Commands until (and including) the first {@code stop}; fails after 5 s without one. */
    static List<Arrival> untilStop(Probe robot) {
        List<Arrival> out = new ArrayList<>();
        while (true) {
            JsonNode command = robot.await("command");
            out.add(new Arrival(System.nanoTime(), command));
            if (command.path("action").asText().equals("stop")) {
                return out;
            }
        }
    }

    /** Milliseconds between consecutive {@code move} commands. */
    static List<Double> moveGapsMillis(List<Arrival> arrivals) {
        List<Long> moves = arrivals.stream().filter(a -> a.action().equals("move")).map(Arrival::nanos).toList();
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < moves.size(); i++) {
            gaps.add((moves.get(i) - moves.get(i - 1)) / 1e6);
        }
        return gaps;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
