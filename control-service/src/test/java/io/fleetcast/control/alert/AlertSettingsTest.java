package io.fleetcast.control.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alert settings from the environment: off without a webhook, bad values named, no secret shown. */
class AlertSettingsTest {
    @Test
    void theWebhookIsOffUntilItsUrlIsSet() {
        AlertSettings settings = AlertSettings.fromEnv(Map.of());

        assertThat(settings.webhook()).isEmpty();
        assertThat(settings.webhookStatus()).isEqualTo("off");
        assertThat(settings.limits()).isEqualTo(AlertLimits.defaults());
    }

    @Test
    void aWebhookIsShownByItsHostOnly() {
        AlertSettings settings = AlertSettings.fromEnv(Map.of("ALERT_WEBHOOK_URL",
                "https://hooks.slack.com/services/T000/B000/very-secret-part", "ALERT_QUALITY_SECONDS", "45"));

        assertThat(settings.webhookStatus()).isEqualTo("on (hooks.slack.com)");
        assertThat(settings.toString()).doesNotContain("very-secret-part");
        assertThat(settings.limits().qualityHold()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aWebhookThatIsNotHttpIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> AlertSettings.fromEnv(Map.of("ALERT_WEBHOOK_URL", "ftp://user:pw-secret@host/x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ALERT_WEBHOOK_URL must be an http or https URL with a host, got scheme 'ftp'");
    }

    @Test
    void badNumbersNameTheirKey() {
        assertThatThrownBy(() -> AlertSettings.fromEnv(Map.of("ALERT_RTT_MS", "fast")))
                .hasMessage("ALERT_RTT_MS has a bad value 'fast': not a number");
        assertThatThrownBy(() -> AlertSettings.fromEnv(Map.of("ALERT_VIDEO_SECONDS", "0")))
                .hasMessageContaining("ALERT_VIDEO_SECONDS must be > 0");
        assertThatThrownBy(() -> AlertSettings.fromEnv(Map.of("ALERT_WEBHOOK_ATTEMPTS", "0")))
                .hasMessage("ALERT_WEBHOOK_ATTEMPTS must be 1-20, got 0");
    }
}
