package io.fleetcast.control.alert;

import java.util.List;

/** The rules' answer: the robot's next memory and the alerts to raise or clear. */
public record Verdict(AlertMemory memory, List<Change> changes) {

    public Verdict {
        changes = List.copyOf(changes);
    }
}
