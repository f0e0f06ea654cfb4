package io.fleetcast.bridge.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.bridge.ladder.Ladder;
import io.fleetcast.media.source.SyntheticSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LadderBroadcastTest {
    private static final double SECONDS = 6;
    private static final double TARGET = 2.0;

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(new SyntheticSource(1920, 1080, 30, SECONDS, true, 8_000_000, "ultrafast"),
                        List.of("1920x1080", "1280x720", "854x480"), List.of(4_500_000L, 2_500_000L, 1_200_000L)),
                Arguments.of(new SyntheticSource(1280, 720, 30, SECONDS, false, 5_000_000, "ultrafast"),
                        List.of("1280x720", "854x480"), List.of(2_500_000L, 1_200_000L)),
                Arguments.of(new SyntheticSource(1366, 768, 25, SECONDS, true, 5_000_000, "ultrafast"),
                        List.of("1280x720", "854x480"), List.of(2_500_000L, 1_200_000L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void encodesAlignedLadderWithAudioFromAFile(SyntheticSource source, List<String> sizes, List<Long> bitRates,
                                                @TempDir Path dir) throws Exception {
        Path file = dir.resolve("source.ts");
        source.writeTo(file);
        Path hls = dir.resolve("hls");
        try (Pipeline pipeline = Broadcasts.pipeline(file.toString(), Ladder.DEFAULT, hls, 0).start()) {
            assertThat(pipeline.awaitEnd(Duration.ofMinutes(3))).as("file input ends").isTrue();
            assertThat(pipeline.failure()).isNull();
        }

        var variants = HlsInspector.master(hls.resolve("master.m3u8"));
        assertThat(variants).extracting(v -> v.attributes().get("RESOLUTION")).containsExactlyElementsOf(sizes);
        Map<Integer, Double> segmentStarts = new HashMap<>();
        int frames = (int) Math.round(SECONDS * source.fps());
        for (int r = 0; r < variants.size(); r++) {
            var variant = variants.get(r);
            assertThat(variant.attributes()).containsKeys("BANDWIDTH", "AVERAGE-BANDWIDTH", "CODECS", "FRAME-RATE");
            assertThat(variant.attributes().get("CODECS")).matches("avc1\\.[0-9a-f]{6},mp4a\\.40\\.2");
            assertThat(Double.parseDouble(variant.attributes().get("FRAME-RATE"))).isCloseTo(source.fps(), within(0.01));
            var segments = HlsInspector.mediaPlaylist(hls.resolve(variant.uri()));
            assertThat(segments).hasSizeGreaterThanOrEqualTo(3);
            long bytes = 0;
            double seconds = 0;
            int rungFrames = 0;
            for (int i = 0; i < segments.size(); i++) {
                var segment = segments.get(i);
                if (i < segments.size() - 1) {
                    assertThat(segment.listedSeconds()).as(segment.uri()).isCloseTo(TARGET, within(TARGET * 0.1));
                }
                assertThat(segment.startsWithKeyframe()).as(variant.uri() + " " + segment.uri()).isTrue();
                double start = segmentStarts.computeIfAbsent(i, k -> segment.firstVideoSeconds());
                assertThat(segment.firstVideoSeconds()).as("segment %d of %s starts with the other rungs", i,
                        variant.uri()).isCloseTo(start, within(0.001));
                assertThat(segment.width() + "x" + segment.height()).isEqualTo(sizes.get(r));
                assertThat(segment.audioPackets()).as("audio in " + segment.uri()).isPositive();
                if (source.audio()) {
                    assertThat(segment.audioPeak()).as("source audio in " + segment.uri()).isGreaterThan(0.01);
                } else {
                    assertThat(segment.audioPeak()).as("silence in " + segment.uri()).isLessThan(1e-4);
                }
                bytes += segment.videoBytes();
                seconds += segment.listedSeconds();
                rungFrames += segment.videoFrames();
            }
            assertThat(rungFrames).as("frames of " + variant.uri()).isEqualTo(frames);
            assertThat(HlsInspector.corruptPackets(hls.resolve(variant.uri())))
                    .as("segments of " + variant.uri() + " play as one continuous stream").isZero();
            assertThat(seconds).isCloseTo(SECONDS, within(0.1));
            assertThat(bytes * 8 / seconds).as("bitrate of " + variant.uri())
                    .isCloseTo(bitRates.get(r), within(bitRates.get(r) * 0.25));
        }
    }
}
