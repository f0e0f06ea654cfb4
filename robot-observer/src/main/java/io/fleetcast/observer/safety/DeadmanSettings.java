package io.fleetcast.observer.safety;

import io.fleetcast.config.EnvReader;
import java.time.Duration;
import java.util.Map;

/** @param timeout how long a moving robot goes on without a fresh {@code move} before it is stopped */
public record DeadmanSettings(Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

    public DeadmanSettings {
        if (timeout == null || timeout.toMillis() < 50 || timeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("OBSERVER_DEADMAN_MS must be within 50..60000, got "
                    + (timeout == null ? null : timeout.toMillis()));
        }
    }

    /** Reads {@code OBSERVER_DEADMAN_MS} (default 500, LeRobot's value). */
    public static DeadmanSettings fromEnv(Map<String, String> env) {
        return new DeadmanSettings(new EnvReader(env).millis("OBSERVER_DEADMAN_MS", DEFAULT_TIMEOUT, 50, 60_000));
    }
}
