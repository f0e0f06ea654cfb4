package io.fleetcast.control.alert;

import io.fleetcast.config.EnvReader;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner alerts' limits and the optional webhook ({@code ALERT_WEBHOOK_URL}: off when
 * unset), tried {@code webhookAttempts} times with a delay that starts at {@code retryDelay}
 * and doubles. The webhook URL usually embeds a secret, so only its host is ever shown.
 */
public record AlertSettings(AlertLimits limits, Optional<URI> webhook, int webhookAttempts, Duration retryDelay) {

    public AlertSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(webhook, "webhook");
        if (webhookAttempts < 1 || webhookAttempts > 20) {
            throw new IllegalArgumentException("ALERT_WEBHOOK_ATTEMPTS must be 1-20, got " + webhookAttempts);
        }
        if (retryDelay.isNegative()) {
            throw new IllegalArgumentException("ALERT_WEBHOOK_RETRY_MILLIS must be >= 0, got " + retryDelay.toMillis());
        }
    }

    public static AlertSettings defaults() {
        return new AlertSettings(AlertLimits.defaults(), Optional.empty(), 4, Duration.ofSeconds(1));
    }

    public static AlertSettings fromEnv(Map<String, String> env) {
        EnvReader in = new EnvReader(env);
        AlertLimits d = AlertLimits.defaults();
        AlertLimits limits = new AlertLimits(in.integer("ALERT_LOSS_PCT", (int) d.lossPct()),
                Duration.ofSeconds(in.integer("ALERT_QUALITY_SECONDS", (int) d.qualityHold().toSeconds())),
                in.integer("ALERT_RTT_MS", (int) d.rttMs()),
                Duration.ofSeconds(in.integer("ALERT_RTT_SECONDS", (int) d.rttHold().toSeconds())),
                Duration.ofSeconds(in.integer("ALERT_VIDEO_SECONDS", (int) d.videoHold().toSeconds())));
        return new AlertSettings(limits, in.optional("ALERT_WEBHOOK_URL").map(AlertSettings::webhookUri),
                in.integer("ALERT_WEBHOOK_ATTEMPTS", 4),
                Duration.ofMillis(in.integer("ALERT_WEBHOOK_RETRY_MILLIS", 1000)));
    }

    public AlertSettings withLimits(AlertLimits newLimits) {
        return new AlertSettings(newLimits, webhook, webhookAttempts, retryDelay);
    }

    public AlertSettings withWebhook(URI url, int attempts, Duration delay) {
        return new AlertSettings(limits, Optional.of(webhookUri(url.toString())), attempts, delay);
    }

    /** "on (host)" or "off": what the log and {@code /health} say about the webhook. */
    public String webhookStatus() {
        return webhook.map(uri -> "on (" + uri.getHost() + ")").orElse("off");
    }

    static URI webhookUri(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ALERT_WEBHOOK_URL is not a valid URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("ALERT_WEBHOOK_URL must be an http or https URL with a host, got scheme '"
                    + uri.getScheme() + "'");
        }
        return uri;
    }

    @Override
    public String toString() {
        return "AlertSettings[" + limits + ", webhook=" + webhookStatus() + ", attempts=" + webhookAttempts + "]";
    }
}
