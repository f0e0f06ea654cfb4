package io.fleetcast.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.gpu.DecodeMode;
import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.media.codec.ProbeAttempt;
import io.fleetcast.media.codec.ProbeResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {
    private static final VideoPath CPU = VideoPath.inMemory("libx264", "test");

    @Test
    void dryRunPlanNamesInputEncoderRungsAndOutputsWithoutSecrets() {
        BridgeConfig config = BridgeConfig.fromEnv(Map.of(
                "INPUT_URL", "rtmp://media/playroom?user=bridge&pass=secret", "HLS_DIR", "/srv/hls", "DRY_RUN", "true"));
        ProbeResult probe = new ProbeResult("libx264", "libx264 opened after h264_nvenc failed: no NVENC",
                List.of(new ProbeAttempt("h264_nvenc", false, "no NVENC"), new ProbeAttempt("libx264", true, "")));
        String plan = Plan.describe(config, probe, VideoPath.plan(DecodeMode.AUTO, probe, 0, "no libcuda.so.1"));
        assertThat(plan).contains("rtmp://media/playroom", "(live", "libx264", "h264_nvenc: failed: no NVENC",
                "decode:   cpu (CUDA device 0 did not open: no libcuda.so.1)",
                "1080p 4500k", "720p 2500k", "480p 1200k", "/srv/hls", "segments 2.0 s").doesNotContain("secret");
    }

    @Test
    void dryRunPlanListsRestreamDestinationsRedacted() {
        BridgeConfig config = BridgeConfig.fromEnv(Map.of("INPUT_URL", "rtsp://media/playroom",
                "RESTREAM_PRIMARY_URL", "rtmp://a.rtmp.youtube.com/live2", "RESTREAM_PRIMARY_KEY", "abcd-efgh-ijkl",
                "RESTREAM_BACKUP_URL", "rtmps://b.rtmps.youtube.com:443/live2/qrst-uvwx", "RESTREAM_RUNG", "720p",
                "RESTREAM_TLS_CA_FILE", "off"));
        String plan = Plan.describe(config, new ProbeResult("libx264", "test", List.of()), CPU);
        assertThat(plan).contains("restream primary rtmp://a.rtmp.youtube.com/live2/<key redacted>",
                        "restream backup rtmps://b.rtmps.youtube.com:443/live2/<key redacted>", "rung 720p",
                        "reconnect 1000..30000 ms", "TLS unverified")
                .doesNotContain("abcd-efgh-ijkl", "qrst-uvwx");
        assertThat(Plan.describe(BridgeConfig.fromEnv(Map.of("INPUT_URL", "rtsp://media/playroom")),
                new ProbeResult("libx264", "test", List.of()), CPU)).contains("no restream");
    }

    @Test
    void dryRunShowsTheS3OutputWhenABucketIsSet() {
        BridgeConfig config = BridgeConfig.fromEnv(Map.of("INPUT_URL", "rtsp://media/playroom", "S3_BUCKET", "hls",
                "S3_PREFIX", "rooms/1", "S3_ENDPOINT", "http://minio:9000", "S3_DELETE_OLD", "false"));
        ProbeResult probe = new ProbeResult("libx264", "only one", List.of(new ProbeAttempt("libx264", true, "")));
        assertThat(Plan.describe(config, probe, CPU)).contains("HLS to s3://hls/rooms/1", "http://minio:9000 path-style",
                "us-east-1", "lifecycle rule");
        assertThat(Plan.describe(BridgeConfig.fromEnv(Map.of("INPUT_URL", "rtsp://media/playroom")), probe, CPU))
                .doesNotContain("s3://");
    }
}
