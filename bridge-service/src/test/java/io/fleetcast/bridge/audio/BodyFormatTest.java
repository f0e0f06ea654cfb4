package io.fleetcast.bridge.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "audio/L16                                 | PCM_S16LE",
            "audio/l16; rate=48000; channels=2         | PCM_S16LE",
            "audio/L16;channels=\"2\";rate=48000       | PCM_S16LE",
            "audio/aac                                 | AAC_ADTS",
            "AUDIO/AACP                                | AAC_ADTS",
            "audio/x-aac                               | AAC_ADTS"})
    void acceptsPcmAndAdts(String contentType, BodyFormat expected) {
        assertThat(BodyFormat.of(contentType)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "audio/L16;rate=44100             | 415 | rate=48000 only",
            "audio/L16;rate=48000;channels=1  | 415 | channels=2",
            "audio/L16;rate=fast              | 400 | whole number",
            "audio/mpeg                       | 415 | unsupported Content-Type 'audio/mpeg'",
            "application/x-www-form-urlencoded | 415 | audio/aac",
            "' '                              | 415 | Content-Type is required"})
    void refusesWhatItCannotTakeSayingWhy(String contentType, int status, String message) {
        assertThatThrownBy(() -> BodyFormat.of(contentType))
                .isInstanceOfSatisfying(AudioRequestException.class, e -> assertThat(e.status()).isEqualTo(status))
                .hasMessageContaining(message);
    }
}
