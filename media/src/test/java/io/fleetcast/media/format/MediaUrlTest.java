package io.fleetcast.media.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaUrlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rtmp://media/robot_1?user=robot_1&pass=k3y|rtmp://media/robot_1?<redacted>|true",
            "rtsp://bridge:s3cret@media:8554/playroom|rtsp://<redacted>@media:8554/playroom|true",
            "srt://media:8890?streamid=publish:robot_1:robot_1:k3y|srt://media:8890?<redacted>|true",
            "/srv/media/clip.mp4|/srv/media/clip.mp4|false",
            "file:///srv/media/clip.mp4|file:///srv/media/clip.mp4|false"})
    void removesSecretsAndTellsNetworkFromFile(String url, String redacted, boolean network) {
        assertThat(MediaUrl.redact(url)).isEqualTo(redacted);
        assertThat(MediaUrl.isNetwork(url)).isEqualTo(network);
    }
}
