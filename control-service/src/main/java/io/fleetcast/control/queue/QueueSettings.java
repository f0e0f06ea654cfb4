package io.fleetcast.control.queue;

import io.fleetcast.config.EnvReader;
import java.time.Duration;
import java.util.Map;

/**
 * Playroom queue timing. {@code tick} is how often each instance looks for passed deadlines,
 * which bounds how late a turn can end.
 */
public record QueueSettings(Duration turn, Duration grace, Duration idle, Duration readyCheck,
        int maxWaiting, Duration tick) {

    public QueueSettings {
        positive("CONTROL_QUEUE_TURN_SECONDS", turn);
        positive("CONTROL_QUEUE_GRACE_SECONDS", grace);
        positive("CONTROL_QUEUE_IDLE_SECONDS", idle);
        positive("CONTROL_QUEUE_READY_SECONDS", readyCheck);
        positive("CONTROL_QUEUE_TICK_MILLIS", tick);
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("CONTROL_QUEUE_MAX_SIZE must be >= 1, got "
                    + maxWaiting);
        }
    }

    public static QueueSettings defaults() {
        return new QueueSettings(Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofSeconds(10), 500, Duration.ofMillis(200));
    }

    public static QueueSettings fromEnv(Map<String, String> env) {
        QueueSettings d = defaults();
        EnvReader reader = new EnvReader(env);
        return new QueueSettings(
                seconds(reader, "CONTROL_QUEUE_TURN_SECONDS", d.turn()),
                seconds(reader, "CONTROL_QUEUE_GRACE_SECONDS", d.grace()),
                seconds(reader, "CONTROL_QUEUE_IDLE_SECONDS", d.idle()),
                seconds(reader, "CONTROL_QUEUE_READY_SECONDS", d.readyCheck()),
                reader.integer("CONTROL_QUEUE_MAX_SIZE", d.maxWaiting()),
                Duration.ofMillis(reader.integer("CONTROL_QUEUE_TICK_MILLIS", (int) d.tick().toMillis())));
    }

    private static Duration seconds(EnvReader reader, String key, Duration fallback) {
        return Duration.ofSeconds(reader.integer(key, (int) fallback.toSeconds()));
    }


    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be > 0, got " + value);
        }
    }
}
