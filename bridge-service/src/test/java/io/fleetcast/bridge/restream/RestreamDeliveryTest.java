package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
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

    @Test
    void killedReceiverIsReconnectedWhenItReturnsWhileTheOtherDestinationKeepsEveryPicture() throws Exception {
        int portA = Destinations.freePort();
        int portB = Destinations.freePort();
        RtmpReceiver[] b = {new RtmpReceiver(Destinations.receiverUrl(portB, "key-b"))};
        RtmpReceiver firstB = b[0];
        try (RtmpReceiver a = new RtmpReceiver(Destinations.receiverUrl(portA, "key-a"));
             RestreamOutput primary = new RestreamOutput(Destinations.rtmp("primary", portA, "key-a", null), ffmpegLog);
             RestreamOutput backup = new RestreamOutput(Destinations.rtmp("backup", portB, "key-b", null), ffmpegLog);
             LogCapture log = new LogCapture(Level.ALL, RestreamOutput.class.getName());
             TestBroadcast broadcast = new TestBroadcast(0.5, 300_000)) {
            Thread.sleep(200);
            broadcast.play(List.of(primary, backup), 7, 1, second -> {
                try {
                    if (second == 2) {
                        firstB.close();
                    } else if (second == 4) {
                        b[0] = new RtmpReceiver(Destinations.receiverUrl(portB, "key-b"));
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(a.await(s -> !s.isEmpty() && s.get(0).pictures() >= 7 * 30 - 2, Duration.ofSeconds(10)))
                    .as(a.describe()).isTrue();
            assertThat(b[0].await(s -> !s.isEmpty() && s.get(0).pictures() >= 20, Duration.ofSeconds(10)))
                    .as(b[0].describe()).isTrue();

            assertThat(a.sessions()).as("the primary never reconnected").hasSize(1);
            RtmpReceiver.Session kept = a.sessions().get(0);
            assertThat(kept.error).isNull();
            assertThat(kept.longestGapMillis()).as("no gap on the primary").isLessThanOrEqualTo(34);
            assertThat(primary.status().reconnects()).isZero();

            RtmpReceiver.Session beforeKill = firstB.sessions().get(0);
            assertThat(beforeKill.pictures()).isBetween(40, 75);
            RtmpReceiver.Session afterReturn = b[0].sessions().get(0);
            assertThat(afterReturn.error).isNull();
            assertThat(afterReturn.pictureMillis.get(0)).as("the new session starts near 0").isBetween(0L, 100L);
            assertThat(afterReturn.longestGapMillis()).isLessThanOrEqualTo(34);
            assertThat(backup.status().reconnects()).isEqualTo(1);
            assertThat(backup.status().state()).isEqualTo(RestreamState.LIVE);
            assertThat(log.atLeast(Level.WARNING)).anySatisfy(line -> assertThat(line)
                    .contains("restream backup", "connection lost after", "write failed"));
            assertThat(log.atLeast(Level.WARNING)).noneSatisfy(line -> assertThat(line).contains("restream primary"));
        } finally {
            b[0].close();
        }
    }
}
