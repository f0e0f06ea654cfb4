package io.fleetcast.control.socket;

import io.fleetcast.config.EnvReader;
import java.time.Duration;
import java.util.Map;

/**
 * Limits of the control sockets: commands per user per second (with a burst), how many bad
 * messages within {@code abuseWindow} close a socket with 1008, the largest message, how many
 * messages may wait for a slow client, how often an idle socket is pinged, and over how many
 * Redis pub/sub connections (each with its own fan-out thread) the relay spreads the robots.
 */
public record SocketSettings(int commandRate, int commandBurst, int abuseLimit,
        Duration abuseWindow, int maxMessageBytes, int outboxCapacity, Duration keepAlive,
        int relaySubscribers) {

    public SocketSettings {
        atLeast("CONTROL_COMMAND_RATE", commandRate, 1);
        atLeast("CONTROL_COMMAND_BURST", commandBurst, 1);
        atLeast("CONTROL_ABUSE_LIMIT", abuseLimit, 1);
        atLeast("CONTROL_MAX_MESSAGE_BYTES", maxMessageBytes, 1024);
        atLeast("CONTROL_OUTBOX_CAPACITY", outboxCapacity, 16);
        atLeast("CONTROL_RELAY_SUBSCRIBERS", relaySubscribers, 1);
        if (abuseWindow.isNegative() || abuseWindow.isZero()) {
            throw new IllegalArgumentException("abuse window must be > 0");
        }
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("CONTROL_KEEPALIVE_SECONDS must be > 0");
        }
    }

    public static SocketSettings defaults() {
        return new SocketSettings(30, 60, 20, Duration.ofSeconds(10), 64 * 1024, 4096,
                Duration.ofSeconds(30), Runtime.getRuntime().availableProcessors());
    }

    public static SocketSettings fromEnv(Map<String, String> env) {
        SocketSettings d = defaults();
        EnvReader reader = new EnvReader(env);
        return new SocketSettings(
                reader.integer("CONTROL_COMMAND_RATE", d.commandRate()),
                reader.integer("CONTROL_COMMAND_BURST", d.commandBurst()),
                reader.integer("CONTROL_ABUSE_LIMIT", d.abuseLimit()),
                d.abuseWindow(),
                reader.integer("CONTROL_MAX_MESSAGE_BYTES", d.maxMessageBytes()),
                reader.integer("CONTROL_OUTBOX_CAPACITY", d.outboxCapacity()),
                Duration.ofSeconds(reader.integer("CONTROL_KEEPALIVE_SECONDS", (int) d.keepAlive().toSeconds())),
                reader.integer("CONTROL_RELAY_SUBSCRIBERS", d.relaySubscribers(), 1, 64));
    }

    public SocketSettings withCommandRate(int rate, int burst) {
        return new SocketSettings(rate, burst, abuseLimit, abuseWindow, maxMessageBytes,
                outboxCapacity, keepAlive, relaySubscribers);
    }

    private static void atLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be >= " + min + ", got " + value);
        }
    }
}
