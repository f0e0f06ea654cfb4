package io.fleetcast.bridge.audio;

import static io.fleetcast.bridge.audio.IngestTest.PCM;
import static io.fleetcast.bridge.audio.IngestTest.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AudioPartsTest {
    @Test
    void theEndpointSourceIsWhatProducersPushHere() throws Exception {
        byte[] tone = Tones.pcm(0.3);
        try (AudioParts parts = AudioParts.start(AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "endpoint",
                "AUDIO_TOKEN", TOKEN, "AUDIO_PORT", "0")))) {
            try (Producer producer = Producer.post(parts.endpoint().uri(), "/ingest", TOKEN, PCM)) {
                producer.send(tone, 0, tone.length);
                assertThat(producer.finish().status()).isEqualTo(200);
            }
            assertThat(Heard.listen(parts.live(), Duration.ofSeconds(2), tone.length / 4).samples)
                    .isEqualTo(tone.length / 4);
        }
    }

    @Test
    void theSourceSoundTakesNoLiveAudioAndNoTokenMeansNoEndpoint() {
        try (AudioParts parts = AudioParts.start(AudioSettings.fromEnv(Map.of("AUDIO_TOKEN", TOKEN,
                "AUDIO_PORT", "0")))) {
            assertThat(parts.live()).isNull();
            assertThat(parts.endpoint()).as("it still relays").isNotNull();
        }
        try (AudioParts parts = AudioParts.start(AudioSettings.fromEnv(Map.of("AUDIO_SOURCE", "silent")))) {
            assertThat(parts.live()).isNull();
            assertThat(parts.endpoint()).isNull();
        }
    }
}
