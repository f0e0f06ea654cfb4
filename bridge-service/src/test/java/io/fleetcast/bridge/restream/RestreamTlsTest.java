package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.log.FfmpegLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rtmps:// through a real TLS server (JSSE with an openssl-made certificate) in front of FFmpeg's RTMP receiver. */
class RestreamTlsTest {
    @TempDir
    static Path dir;
    private static Path keyStore;
    private static FfmpegLog ffmpegLog;

    @BeforeAll
    static void makeCertificate() throws Exception {
        ffmpegLog = Destinations.installFfmpegLog(System.Logger.Level.WARNING);
        keyStore = TlsTerminator.makeCertificate(dir);
    }

    @Test
    void rtmpsDestinationVerifiesTheCertificateAndDeliversDecodableStreams() throws Exception {
        int plainPort = Destinations.freePort();
        try (RtmpReceiver receiver = new RtmpReceiver(Destinations.receiverUrl(plainPort, "tls-key"));
             TlsTerminator tls = new TlsTerminator(keyStore, plainPort);
             RestreamOutput output = new RestreamOutput(rtmps(tls.port(), dir.resolve("cert.pem")), ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.5, 300_000)) {
            Thread.sleep(200);
            broadcast.play(List.of(output), 2, 0, second -> { });

            assertThat(receiver.await(s -> !s.isEmpty() && s.get(0).pictures() >= 55, Duration.ofSeconds(10)))
                    .as(receiver.describe()).isTrue();
            RtmpReceiver.Session session = receiver.sessions().get(0);
            assertThat(session.error).isNull();
            assertThat(List.of(session.width, session.height)).containsExactly(320, 180);
            assertThat(session.audioSamples).isGreaterThan(48_000L);
            assertThat(output.status().state()).isEqualTo(RestreamState.LIVE);
        }
    }

    @Test
    void untrustedCertificateIsATlsRefusalGivenUpOn() throws Exception {
        Path otherDir = dir.resolve("other");
        java.nio.file.Files.createDirectories(otherDir);
        TlsTerminator.makeCertificate(otherDir);
        int plainPort = Destinations.freePort();
        try (RtmpReceiver receiver = new RtmpReceiver(Destinations.receiverUrl(plainPort, "tls-key"));
             TlsTerminator tls = new TlsTerminator(keyStore, plainPort);
             LogCapture log = new LogCapture(Level.ALL, RestreamOutput.class.getName());
             RestreamOutput output = new RestreamOutput(rtmps(tls.port(), otherDir.resolve("cert.pem")), ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.1, 200_000)) {
            broadcast.play(List.of(output), 2, 2, second -> { });
            Destinations.playUntilFailed(broadcast, output);

            assertThat(output.status().state()).isEqualTo(RestreamState.FAILED);
            assertThat(receiver.sessions()).as("nothing got past TLS").isEmpty();
            assertThat(log.atLeast(Level.SEVERE)).singleElement().asString()
                    .contains("TLS refused", "certificate verify failed");
        }
    }

    private static RestreamSettings rtmps(int port, Path caFile) {
        return RestreamSettings.of("primary", "rtmps://127.0.0.1:" + port + "/live", "tls-key", null,
                Destinations.QUICK, Duration.ofSeconds(3), Duration.ofSeconds(2), caFile.toString());
    }
}
