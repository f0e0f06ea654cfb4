package io.fleetcast.bridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputSettingsTest {
    private static InputSettings of(String url) {
        return new InputSettings(url, Duration.ofSeconds(5), 500_000, 500_000, Duration.ofMillis(500),
                Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @CsvSource({
            "rtsp://media:8554/playroom,true,timeout,5000000",
            "rtmp://media/playroom,true,rw_timeout,5000000",
            "srt://media:8890?streamid=read:playroom,true,connect_timeout,5000",
            "tcp://127.0.0.1:9000,true,rw_timeout,5000000",
            "/media/clip.mp4,false,probesize,500000",
            "file:///media/clip.mp4,false,analyzeduration,500000"})
    void setsATimeoutForEveryNetworkProtocol(String url, boolean live, String option, String value) {
        InputSettings input = of(url);
        assertThat(input.live()).isEqualTo(live);
        assertThat(input.ffmpegOptions()).containsEntry(option, value).containsEntry("probesize", "500000");
    }
}
