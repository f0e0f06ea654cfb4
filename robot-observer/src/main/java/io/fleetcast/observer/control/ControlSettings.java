package io.fleetcast.observer.control;

import io.fleetcast.config.EnvReader;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How the observer reaches the control service.
 *
 * @param controlUrl    the service's base URL, {@code http(s)://host:port}; the socket uses ws(s) on it
 * @param streamKey     the robot's credential; never appears in {@link #toString()} or a log line
 * @param statePeriod   at most one state frame per period (latest state wins)
 * @param metricsPeriod one metrics frame per period
 * @param minBackoff    first reconnect delay, doubling up to {@code maxBackoff}
 * @param maxBackoff    also the delay after a refused upgrade (bad key, unknown robot)
 */
public record ControlSettings(URI controlUrl, long robotId, String streamKey, Duration statePeriod,
                              Duration metricsPeriod, Duration minBackoff, Duration maxBackoff) {

    public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(15);

    public ControlSettings {
        if (controlUrl == null || controlUrl.getHost() == null
                || !(controlUrl.getScheme().equals("http") || controlUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("CONTROL_URL must be http://host:port or https://host:port, got "
                    + controlUrl);
        }
        if (robotId <= 0) {
            throw new IllegalArgumentException("ROBOT_ID must be a positive integer, got " + robotId);
        }
        if (streamKey == null || streamKey.isBlank() || !streamKey.chars().allMatch(ControlSettings::keyChar)) {
            // The key travels as a subprotocol name, which allows only HTTP token characters.
            throw new IllegalArgumentException("STREAM_KEY must be non-empty letters, digits and -._~ (value not shown)");
        }
        positive("state period", statePeriod);
        positive("OBSERVER_METRICS_MS", metricsPeriod);
        positive("min backoff", minBackoff);
        positive("max backoff", maxBackoff);
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("max backoff " + maxBackoff + " is below min backoff " + minBackoff);
        }
    }

    /**
     * Reads {@code CONTROL_URL}, {@code ROBOT_ID}, {@code STREAM_KEY}, {@code OBSERVER_STATE_HZ}
     * (default 10) and {@code OBSERVER_METRICS_MS} (default 1000).
     */
    public static ControlSettings fromEnv(Map<String, String> env) {
        EnvReader in = new EnvReader(env);
        URI uri = in.uri("CONTROL_URL", null);
        long robotId = in.parsed("ROBOT_ID", in.required("ROBOT_ID"), Long::parseLong);
        String key = in.required("STREAM_KEY");
        long hz = in.longInteger("OBSERVER_STATE_HZ", 10, 1, 100);
        long metricsMs = in.longInteger("OBSERVER_METRICS_MS", 1000, 50, Long.MAX_VALUE);
        return new ControlSettings(uri, robotId, key, Duration.ofMillis(1000 / hz), Duration.ofMillis(metricsMs),
                DEFAULT_MIN_BACKOFF, DEFAULT_MAX_BACKOFF);
    }

    public ControlSettings withBackoff(Duration min, Duration max) {
        return new ControlSettings(controlUrl, robotId, streamKey, statePeriod, metricsPeriod, min, max);
    }

    /** The control socket's address; it carries no credential, so it may be logged. */
    public URI socketUri() {
        String scheme = controlUrl.getScheme().equals("https") ? "wss" : "ws";
        int port = controlUrl.getPort();
        return URI.create(scheme + "://" + controlUrl.getHost() + (port < 0 ? "" : ":" + port)
                + "/control/robot_" + robotId);
    }

    private static boolean keyChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0;
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return "ControlSettings[" + socketUri() + ", state every " + statePeriod.toMillis() + " ms, metrics every "
                + metricsPeriod.toMillis() + " ms, backoff " + minBackoff.toMillis() + ".." + maxBackoff.toMillis()
                + " ms]";
    }
}
