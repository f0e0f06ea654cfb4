package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.media.retry.Backoff;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RestreamSettingsTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "rtmp://a.rtmp.youtube.com/live2;abcd-efgh-ijkl;rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl;rtmp://a.rtmp.youtube.com/live2/<key redacted>",
            "rtmp://a.rtmp.youtube.com/live2/;abcd-efgh-ijkl;rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl;rtmp://a.rtmp.youtube.com/live2/<key redacted>",
            "rtmp://b.rtmp.youtube.com/live2?backup=1/;abcd;rtmp://b.rtmp.youtube.com/live2?backup=1/abcd;rtmp://b.rtmp.youtube.com/live2?<redacted>/<key redacted>",
            "rtmps://a.rtmps.youtube.com:443/live2/abcd-efgh-ijkl;-;rtmps://a.rtmps.youtube.com:443/live2/abcd-efgh-ijkl;rtmps://a.rtmps.youtube.com:443/live2/<key redacted>",
            "RTMP://user:pw@ingest_1:1935/app/key;-;RTMP://user:pw@ingest_1:1935/app/key;RTMP://<redacted>@ingest_1:1935/app/<key redacted>"})
    void joinsTheKeyToTheUrlAsYouTubeDoesOrTakesItFromTheUrl(String url, String key, String target, String redacted) {
        RestreamSettings settings = settings(url, key);
        assertThat(settings.target()).isEqualTo(target);
        assertThat(settings.redacted()).isEqualTo(redacted);
        assertThat(settings.toString()).isEqualTo("primary " + redacted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "http://a.rtmp.youtube.com/live2;only rtmp:// and rtmps://",
            "srt://ingest:9000/live2;only rtmp:// and rtmps://",
            "a.rtmp.youtube.com/live2;no scheme",
            "rtmp:///live2;rtmp://host[:port]/app",
            "rtmp://host;rtmp://host[:port]/app",
            "rtmp://host/;rtmp://host[:port]/app"})
    void rejectsWhatIsNotAnRtmpApplicationUrlWithoutRepeatingTheKey(String url, String message) {
        assertThatThrownBy(() -> settings(url, "s3cret-key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).message().doesNotContain("s3cret-key");
    }

    @Test
    void aUrlWithoutAKeyNeedsOneAtItsEnd() {
        assertThatThrownBy(() -> settings("rtmp://a.rtmp.youtube.com/live2", null))
                .hasMessageContaining("must end with one");
        assertThatThrownBy(() -> settings("rtmp://a.rtmp.youtube.com/live2", "two words"))
                .hasMessageContaining("spaces").message().doesNotContain("two words");
    }

    @Test
    void knowsTlsAndScrubsTheKeyFromForeignText() {
        RestreamSettings plain = settings("rtmp://host/app", "k3y-value");
        RestreamSettings tls = settings("rtmps://host/app", "k3y-value");
        assertThat(plain.tls()).isFalse();
        assertThat(tls.tls()).isTrue();
        assertThat(plain.scrub("Connection to rtmp://host/app/k3y-value failed"))
                .isEqualTo("Connection to rtmp://host/app/<key redacted> failed");
    }

    @Test
    void rungMustLookLikeALadderRung() {
        assertThatThrownBy(() -> RestreamSettings.of("primary", "rtmp://host/app", "k", "720", BACKOFF,
                Duration.ofSeconds(1), Duration.ofSeconds(1), null)).hasMessageContaining("720p");
    }

    private static RestreamSettings settings(String url, String key) {
        return RestreamSettings.of("primary", url, key, null, BACKOFF, Duration.ofSeconds(10), Duration.ofSeconds(5),
                null);
    }
}
