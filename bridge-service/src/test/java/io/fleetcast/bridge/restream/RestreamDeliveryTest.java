package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import io.fleetcast.media.log.FfmpegLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RestreamDeliveryTest {
    private static FfmpegLog ffmpegLog;

    @BeforeAll
    static void routeFfmpegLog() {
        ffmpegLog = Destinations.installFfmpegLog(System.Logger.Level.WARNING);
    }

    @Test
    void twoDestinationsEachReceiveDecodableVideoOfTheirRungAndAudioFromZero() throws Exception {
        int portA = Destinations.freePort();
        int portB = Destinations.freePort();
        try (RtmpReceiver a = new RtmpReceiver(Destinations.receiverUrl(portA, "key-a"));
             RtmpReceiver b = new RtmpReceiver(Destinations.receiverUrl(portB, "key-b"));
             RestreamOutput top = new RestreamOutput(Destinations.rtmp("primary", portA, "key-a", null),
                     ffmpegLog);
             RestreamOutput small = new RestreamOutput(Destinations.rtmp("backup", portB, "key-b", "90p"),
                     ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.5, 300_000)) {
            Thread.sleep(200);
            broadcast.play(List.of(top, small), 3, 0, second -> { });
            assertThat(a.await(s -> !s.isEmpty() && s.get(0).pictures() >= 85, Duration.ofSeconds(10)))
                    .as(a.describe()).isTrue();
            assertThat(b.await(s -> !s.isEmpty() && s.get(0).pictures() >= 85, Duration.ofSeconds(10)))
                    .as(b.describe()).isTrue();
            RtmpReceiver.Session sessionA = a.sessions().get(0);
            RtmpReceiver.Session sessionB = b.sessions().get(0);
            assertThat(sessionA.error).isNull();
            assertThat(sessionB.error).isNull();
            assertThat(List.of(sessionA.width, sessionA.height)).containsExactly(320, 180);
            assertThat(List.of(sessionB.width, sessionB.height)).containsExactly(160, 90);
            for (RtmpReceiver.Session session : List.of(sessionA, sessionB)) {
                assertThat(session.videoExtradataFirstByte).as("avcC sequence header").isEqualTo(1);
                assertThat(session.pictureMillis.get(0)).as("first picture near 0").isBetween(0L, 100L);
                assertThat(session.longestGapMillis()).isLessThanOrEqualTo(34);
                assertThat(session.audioSamples).as("about 3 s of sound").isGreaterThan(48_000L * 2);
                assertThat(session.firstAudioMillis).isBetween(0L, 200L);
            }
            assertThat(top.status().state()).isEqualTo(RestreamState.LIVE);
            assertThat(top.status().reconnects()).isZero();
            assertThat(top.status().packetsSent()).isGreaterThan(85);
        }
    }
}
