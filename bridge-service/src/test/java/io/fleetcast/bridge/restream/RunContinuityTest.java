package io.fleetcast.bridge.restream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.log.FfmpegLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire: the FLV sequence headers (read byte by byte from a minimal RTMP
 * server) and a connection carried across runs (decoded by FFmpeg's receiver).
 */
class RunContinuityTest {
    private static final int AVC_KEYFRAME = 0x17;
    private static final int SEQUENCE_HEADER = 0;
    private static final int PICTURE = 1;
    private static FfmpegLog ffmpegLog;

    @BeforeAll
    static void routeFfmpegLog() {
        ffmpegLog = Destinations.installFfmpegLog(System.Logger.Level.WARNING);
    }

    @Test
    void firstVideoTagIsACompleteSequenceHeaderFromTheKeyframesParameterSets() throws Exception {
        try (FakeRtmpServer ingest = new FakeRtmpServer(FakeRtmpServer.Mode.ACCEPT);
             RestreamOutput output = new RestreamOutput(Destinations.rtmp("primary", ingest.port(), "continuity-key-0001", null), ffmpegLog);
             TestBroadcast broadcast = new TestBroadcast(0.5, 300_000)) {
            broadcast.play(List.of(output), 1, 0, second -> { });
            output.close();
            ingest.awaitDisconnects(Duration.ofSeconds(5));

            List<byte[]> video = ingest.videoMessages();
            assertThat(video.size()).as("video messages").isGreaterThan(20);
            byte[] header = video.get(0);
            assertThat(header[0] & 0xFF).isEqualTo(AVC_KEYFRAME);
            assertThat(header[1]).as("AVC sequence header").isEqualTo((byte) SEQUENCE_HEADER);
            assertThat(header.length).as("with an avcC, not empty").isGreaterThan(5 + 20);
            assertThat(header[5]).as("avcC version").isEqualTo((byte) 1);
            assertThat(header[10] & 0x1F).as("one SPS").isEqualTo(1);
            assertThat(video.get(1)[0] & 0xFF).isEqualTo(AVC_KEYFRAME);
            assertThat(video.get(1)[1]).as("then the first picture").isEqualTo((byte) PICTURE);
            assertThat(header[6] & 0xFF).as("the profile of the keyframe's own SPS").isEqualTo(inBandProfile(video.get(1)));
            assertThat(video.stream().filter(m -> m[1] == SEQUENCE_HEADER)).hasSize(1);
        }
    }

    @Test
    void newRunWithOtherParameterSetsKeepsTheConnectionAndSendsANewSequenceHeader() throws Exception {
        try (FakeRtmpServer ingest = new FakeRtmpServer(FakeRtmpServer.Mode.ACCEPT);
             RestreamOutput output = new RestreamOutput(Destinations.rtmp("primary", ingest.port(), "continuity-key-0001", null), ffmpegLog)) {
            for (String preset : List.of("ultrafast", "veryfast")) {
                try (TestBroadcast run = new TestBroadcast(0.5, 300_000, preset)) {
                    run.play(List.of(output), 1, 0, second -> { });
                }
            }
            output.close();
            ingest.awaitDisconnects(Duration.ofSeconds(5));

            assertThat(ingest.connections()).isEqualTo(1);
            List<byte[]> video = ingest.videoMessages();
            List<Integer> headers = new java.util.ArrayList<>();
            List<Integer> keyframesAfterHeaders = new java.util.ArrayList<>();
            for (int i = 0; i < video.size(); i++) {
                if (video.get(i)[1] == SEQUENCE_HEADER) {
                    headers.add(video.get(i)[6] & 0xFF);
                    keyframesAfterHeaders.add(inBandProfile(video.get(i + 1)));
                }
            }
            assertThat(headers).hasSize(2).doesNotHaveDuplicates().isEqualTo(keyframesAfterHeaders);
            assertThat(output.status().reconnects()).isZero();
        }
    }

    @Test
    void newRunOnTheSameConnectionStaysDecodableAndItsTimeMovesOn() throws Exception {
        int port = Destinations.freePort();
        try (RtmpReceiver receiver = new RtmpReceiver(Destinations.receiverUrl(port, "continuity-key-0001"));
             RestreamOutput output = new RestreamOutput(Destinations.rtmp("primary", port, "continuity-key-0001", null), ffmpegLog)) {
            Thread.sleep(200);
            for (String preset : List.of("ultrafast", "veryfast")) {
                try (TestBroadcast run = new TestBroadcast(0.5, 300_000, preset)) {
                    run.play(List.of(output), 1.5, 0, second -> { });
                }
            }
            assertThat(receiver.await(s -> !s.isEmpty() && s.get(0).pictures() >= 88, Duration.ofSeconds(10)))
                    .as(receiver.describe()).isTrue();
            assertThat(receiver.sessions()).hasSize(1);
            RtmpReceiver.Session session = receiver.sessions().get(0);
            assertThat(session.error).isNull();
            assertThat(session.pictureMillis).isSorted();
            assertThat(session.pictureMillis.get(session.pictures() - 1)).as("3 s of pictures").isBetween(2900L, 3100L);
            assertThat(session.longestGapMillis()).isLessThanOrEqualTo(40);
        }
    }

    /** profile_idc of the SPS a keyframe carries in band (its NAL units are length-prefixed in FLV). */
    private static int inBandProfile(byte[] message) {
        java.nio.ByteBuffer units = java.nio.ByteBuffer.wrap(message, 5, message.length - 5);
        while (units.remaining() > 4) {
            int length = units.getInt();
            if ((units.get(units.position()) & 0x1F) == 7) {
                return units.get(units.position() + 1) & 0xFF;
            }
            units.position(units.position() + length);
        }
        throw new AssertionError("the keyframe carries no SPS");
    }
}
