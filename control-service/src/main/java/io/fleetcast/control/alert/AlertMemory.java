package io.fleetcast.control.alert;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the rules remember of one robot: whether its socket is connected here, its last uplink
 * report and when it came, since when each condition holds, and which alerts are raised
 * (with the start of their condition). Immutable: the rules return a new one.
 */
public record AlertMemory(boolean connected, Uplink uplink, long uplinkAt, Map<AlertKind, Long> holding,
                          Map<AlertKind, Long> raised) {

    public AlertMemory {
        holding = Map.copyOf(holding);
        raised = Map.copyOf(raised);
    }

    public static AlertMemory empty() {
        return new AlertMemory(false, null, 0, Map.of(), Map.of());
    }

    /** Nothing left to watch: the robot is gone and no alert is up. */
    public boolean idle() {
        return !connected && raised.isEmpty();
    }

    static Map<AlertKind, Long> mutable(Map<AlertKind, Long> map) {
        return map.isEmpty() ? new EnumMap<>(AlertKind.class) : new EnumMap<>(map);
    }
}
