package io.fleetcast.observer.robot;

import java.time.Duration;

/** No hardware: a {@link SyntheticRobot}, which the synthetic scene can also draw. */
public record SyntheticSpec() implements BridgeSpec {
    @Override
    public SyntheticRobot open(Duration statePeriod) {
        return new SyntheticRobot(statePeriod);
    }
}
