package io.fleetcast.control.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spans from segments, and the VOD playlist over them: pure functions, exact results. */
class SpanTest {
    private static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    private static Segment at(long startMillis, long durationMillis, long size) {
        return new Segment("k" + startMillis, T.plusMillis(startMillis), Duration.ofMillis(durationMillis), size, 100);
    }

    @Test
    void backToBackSegmentsAreOneSpanAndAGapStartsAnother() {
        List<Span> spans = Span.of(List.of(at(0, 60_000, 1000), at(60_020, 60_000, 2000), at(120_900, 59_000, 3000),
                at(300_000, 60_000, 4000)));
        assertThat(spans).containsExactly(
                new Span(T, T.plusMillis(179_900), 6000, 3),
                new Span(T.plusSeconds(300), T.plusSeconds(360), 4000, 1));
    }

    @Test
    void aGapOfMoreThanASecondSplits() {
        assertThat(Span.of(List.of(at(0, 2000, 500), at(3001, 2000, 500)))).hasSize(2);
        assertThat(Span.of(List.of(at(0, 2000, 500), at(3000, 2000, 500)))).hasSize(1);
        assertThat(Span.of(List.of())).isEmpty();
    }

    @Test
    void thePlaylistAddressesEachSegmentsInitSectionAndMediaByRange() {
        String text = VodPlaylist.of(List.of(at(0, 2000, 1000), at(2000, 1500, 900)),
                segment -> URI.create("https://s3.example/" + segment.key() + "?sig=1"));
        assertThat(text).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PROGRAM-DATE-TIME:2026-01-01T12:00:00Z
                #EXT-X-MAP:URI="https://s3.example/k0?sig=1",BYTERANGE="100@0"
                #EXTINF:2.000,
                #EXT-X-BYTERANGE:900@100
                https://s3.example/k0?sig=1
                #EXT-X-DISCONTINUITY
                #EXT-X-PROGRAM-DATE-TIME:2026-01-01T12:00:02Z
                #EXT-X-MAP:URI="https://s3.example/k2000?sig=1",BYTERANGE="100@0"
                #EXTINF:1.500,
                #EXT-X-BYTERANGE:800@100
                https://s3.example/k2000?sig=1
                #EXT-X-ENDLIST
                """);
    }

    @Test
    void aReportNamesTheBadFieldAndValue() {
        SegmentReport good = new SegmentReport("robot_7", "recordings/robot_7/a.mp4", "2026-01-01T12:00:00.000001Z",
                60.0, 5000L, 700L);
        assertThat(good.robotId()).isEqualTo(7);
        assertThat(good.segment().start()).isEqualTo(Instant.parse("2026-01-01T12:00:00.000001Z"));
        assertThatThrownBy(() -> new SegmentReport("playroom", "k", "x", 1.0, 2L, 1L).robotId())
                .hasMessageContaining("path").hasMessageContaining("playroom");
        assertThatThrownBy(() -> new SegmentReport("robot_7", "../etc/passwd", good.start(), 1.0, 2L, 1L).segment())
                .hasMessageContaining("key").hasMessageContaining("../etc/passwd");
        assertThatThrownBy(() -> new SegmentReport("robot_7", "k.mp4", "noon", 1.0, 2L, 1L).segment())
                .hasMessageContaining("start").hasMessageContaining("noon");
        assertThatThrownBy(() -> new SegmentReport("robot_7", "k.mp4", good.start(), 1.0, 2L, 2L).segment())
                .hasMessageContaining("initSize").hasMessageContaining("2");
    }
}
