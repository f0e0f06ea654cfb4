package io.fleetcast.observer.safety;

import io.fleetcast.observer.control.RobotCommand;
import java.util.List;

/** The deadman's next state and what to send the robot now, in order. */
public record DeadmanDecision(DeadmanState next, List<RobotCommand> send) {
    public DeadmanDecision {
        send = List.copyOf(send);
    }
}
