package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.bridge.restream.Failure.Kind;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

class FailureTest {
    private static final int EIO = -5;
    private static final int ECONNRESET = -104;
    private static final int ECONNREFUSED = -111;

    @Test
    void classifiesFailedOpensAsFfmpegReportsThem() {
        List<String> badKey = List.of("[rtmp @ 0x1] Server error: Invalid stream key");
        List<String> badCertificate = List.of("[tls @ 0x1] error:0A000086:SSL routines::certificate verify failed",
                "[rtmps @ 0x2] Cannot open connection tls://ingest:443");
        List<String> reset = List.of("[tls @ 0x1] IO error: Connection reset by peer");
        assertThat(Failure.ofOpen(Failure.PUBLISH_REFUSED, badKey, false)).isEqualTo(Kind.REFUSED);
        assertThat(Failure.ofOpen(avutil.AVERROR_UNKNOWN, List.of(), true)).isEqualTo(Kind.REFUSED);
        assertThat(Failure.ofOpen(EIO, badCertificate, true)).isEqualTo(Kind.TLS_REFUSED);
        assertThat(Failure.ofOpen(EIO, badCertificate, false)).as("not our TLS").isEqualTo(Kind.TRANSIENT);
        assertThat(Failure.ofOpen(ECONNRESET, reset, true)).as("a restarting server").isEqualTo(Kind.TRANSIENT);
        assertThat(Failure.ofOpen(ECONNREFUSED, List.of(), false)).isEqualTo(Kind.TRANSIENT);
        assertThat(Failure.ofOpen(avutil.AVERROR_EXIT, List.of(), true)).as("timed out").isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void detailIsTheServersOrOpensslsOwnWords() {
        assertThat(Failure.detail(List.of("[rtmp @ 0x1] Server error: Invalid stream key")))
                .isEqualTo("Server error: Invalid stream key");
        assertThat(Failure.detail(List.of("[tls @ 0x1] error:0A000086:SSL routines::certificate verify failed")))
                .isEqualTo("SSL routines::certificate verify failed");
        assertThat(Failure.detail(List.of("[tcp @ 0x1] Connection refused"))).isEmpty();
    }
}
