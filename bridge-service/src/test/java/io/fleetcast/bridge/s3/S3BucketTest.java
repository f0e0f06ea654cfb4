package io.fleetcast.bridge.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3BucketTest {
    private static InProcessS3 s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = new InProcessS3();
        s3.createPublicBucket("hls");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void putsSegmentsAndPlaylistsUnderThePrefixWithTheirTypeAndCaching(@TempDir Path dir) throws Exception {
        byte[] segment = new byte[300_000];
        new Random(3).nextBytes(segment);
        Path file = Files.write(dir.resolve("staged.ts"), segment);
        try (S3Bucket bucket = s3.bucket(s3.settings("hls", "/live/cam1/", true, Duration.ZERO, 4))) {
            bucket.put("720p/seg_0.ts", file, ObjectKind.SEGMENT);
            bucket.put("720p/index.m3u8", "#EXTM3U\nseg_0.ts\n", ObjectKind.PLAYLIST);
        }
        var ts = s3.get("hls", "live/cam1/720p/seg_0.ts");
        assertThat(ts.statusCode()).isEqualTo(200);
        assertThat(ts.body()).isEqualTo(segment);
        assertThat(ts.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        assertThat(ts.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, immutable");
        var playlist = s3.get("hls", "live/cam1/720p/index.m3u8");
        assertThat(new String(playlist.body())).isEqualTo("#EXTM3U\nseg_0.ts\n");
        assertThat(playlist.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(playlist.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void deletesAnObject() throws Exception {
        try (S3Bucket bucket = s3.bucket(s3.settings("hls", "gone", true, Duration.ZERO, 4))) {
            bucket.put("seg_1.ts", "ts", ObjectKind.SEGMENT);
            assertThat(s3.exists("hls", "gone/seg_1.ts")).isTrue();
            bucket.delete("seg_1.ts");
        }
        assertThat(s3.exists("hls", "gone/seg_1.ts")).isFalse();
    }

    @Test
    void failsNamingBucketAndKeyButNeverTheSecretWhenTheBucketIsMissing() {
        try (S3Bucket bucket = s3.bucket(s3.settings("no-such-bucket", "live", true, Duration.ZERO, 4))) {
            assertThatThrownBy(() -> bucket.put("seg_2.ts", "ts", ObjectKind.SEGMENT))
                    .isInstanceOf(BucketException.class)
                    .hasMessageContaining("s3://no-such-bucket/live/seg_2.ts")
                    .hasMessageNotContaining(InProcessS3.SECRET_KEY);
        }
    }
}
