package io.fleetcast.control.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueSettingsTest {
    @Test
    void readsDurationsAndSizesFromTheEnvironment() {
        QueueSettings settings = QueueSettings.fromEnv(Map.of("CONTROL_QUEUE_TURN_SECONDS", "90",
                "CONTROL_QUEUE_MAX_SIZE", "7", "CONTROL_QUEUE_TICK_MILLIS", "50"));

        assertThat(settings.turn()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.maxWaiting()).isEqualTo(7);
        assertThat(settings.tick()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.grace()).isEqualTo(QueueSettings.defaults().grace());
    }

    @Test
    void rejectsAValueThatIsNotANumberNamingTheKey() {
        assertThatThrownBy(() -> QueueSettings.fromEnv(Map.of("CONTROL_QUEUE_GRACE_SECONDS", "ten")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTROL_QUEUE_GRACE_SECONDS").hasMessageContaining("ten");
    }
}
