package io.fleetcast.observer.safety;

import io.fleetcast.observer.control.RobotCommand;
import java.time.Duration;
import java.util.List;

/**
 * The deadman as a value: when the robot must be stopped if no further {@code move} arrives.
 * Only a {@code move} that sets the robot in motion arms it (a driver holding the stick sends
 * those continuously); other actions neither stop the robot nor prove a driver is there, so
 * they leave the deadline alone.
 *
 * @param stopAt epoch milliseconds, {@link #DISARMED} while the robot is not moving
 */
public record DeadmanState(long timeoutMillis, long stopAt) {
    public static final long DISARMED = Long.MAX_VALUE;

    public DeadmanState {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("deadman timeout must be positive, got " + timeoutMillis + " ms");
        }
    }

    public static DeadmanState disarmed(Duration timeout) {
        return new DeadmanState(timeout.toMillis(), DISARMED);
    }

    public boolean armed() {
        return stopAt != DISARMED;
    }

    /** Every command goes to the robot at once; motion arms the deadline, a stop or a zero move clears it. */
    public DeadmanDecision onCommand(RobotCommand command, long now) {
        DeadmanState next = this;
        if (command.setsInMotion()) {
            next = new DeadmanState(timeoutMillis, now + timeoutMillis);
        } else if (command.isStop() || command.action().equals("move")) {
            next = new DeadmanState(timeoutMillis, DISARMED);
        }
        return new DeadmanDecision(next, List.of(command));
    }

    public DeadmanDecision onTick(long now) {
        if (now >= stopAt) {
            return new DeadmanDecision(new DeadmanState(timeoutMillis, DISARMED), List.of(RobotCommand.stop("deadman")));
        }
        return new DeadmanDecision(this, List.of());
    }

    /** The observer is going away: a moving robot must not be left driving. */
    public DeadmanDecision onShutdown() {
        List<RobotCommand> send = armed() ? List.of(RobotCommand.stop("shutdown")) : List.of();
        return new DeadmanDecision(new DeadmanState(timeoutMillis, DISARMED), send);
    }
}
