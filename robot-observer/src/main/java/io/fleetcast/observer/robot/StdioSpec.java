package io.fleetcast.observer.robot;

import io.fleetcast.observer.control.RobotLink;
import java.time.Duration;

/** Commands on this process's stdout, state from its stdin. */
public record StdioSpec() implements BridgeSpec {
    @Override
    public RobotLink open(Duration statePeriod) {
        return new LineBridge(System.in, System.out);
    }
}
