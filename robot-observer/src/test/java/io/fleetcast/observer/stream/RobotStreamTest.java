package io.fleetcast.observer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.retry.Backoff;
import io.fleetcast.observer.camera.CameraSpec;
import io.fleetcast.observer.camera.SyntheticCamera;
import io.fleetcast.observer.encode.LiveCodecs;
import io.fleetcast.observer.push.PushTarget;
import io.fleetcast.observer.scene.Pose;
import io.fleetcast.observer.scene.SyntheticScene;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityController;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.adaptive.AdaptiveAlgorithm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobotStreamTest {
    static final String KEY = "test-stream-key-0123456789";

    static StreamSettings settings(String gateway) {
        LiveCodecs codecs = new LiveCodecs(List.of("libx264"), "veryfast");
        return new StreamSettings(PushTarget.of(gateway, "robot_1", KEY), "libx264", codecs.options("libx264"), 2.0, 0.5,
                Duration.ofSeconds(1), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)), Duration.ofMillis(100));
    }

    @Test
    void pushesTheSyntheticSceneOverRtmpWithItsCaptureTimeAndTheRobotWhereItIs() throws Exception {
        int port = TestReceiver.freePort();
        Pose pose = new Pose(1.0, 0.5, 0, "move 0.40 0.00");
        QualityController controller = new QualityController(AdaptiveAlgorithm.withDefaults(), 0,
                Limits.pin(QualityState.LOW));
        try (TestReceiver receiver = TestReceiver.rtmp(port);
             SyntheticCamera camera = new SyntheticCamera(new CameraSpec.Synthetic(640, 360, 30), at -> pose, 0);
             RobotStream stream = new RobotStream(List.of(camera), controller, settings("rtmp://127.0.0.1:" + port))) {
            assertThat(receiver.await(p -> p.size() >= 90, 15_000)).as("pictures decoded").isTrue();
            List<ReceivedPicture> all = receiver.pictures();
            List<ReceivedPicture> pictures = all.subList(all.size() - 45, all.size());
            ReceivedPicture last = pictures.getLast();
            assertThat(last.width()).isEqualTo(854);
            assertThat(last.height()).isEqualTo(480);
            List<ReceivedPicture> stamped = pictures.stream().filter(ReceivedPicture::hasStrip).toList();
            assertThat(stamped.size()).as("pictures whose strip reads").isGreaterThan(pictures.size() * 9 / 10);
            List<Long> latencies = stamped.stream().map(ReceivedPicture::latencyMillis).sorted().toList();
            assertThat(latencies.getFirst()).isNotNegative();
            assertThat(latencies.get(latencies.size() / 2)).as("median capture-to-decode latency ms").isLessThan(300);
            SyntheticScene scene = new SyntheticScene(640, 360);
            double[] seen = scene.metresAt(last.markerX() * 640, last.markerY() * 360);
            assertThat(seen[0]).as("marker x in metres").isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.15));
            assertThat(seen[1]).as("marker y in metres").isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.15));
            assertThat(stream.push().connected()).isTrue();
            assertThat(stream.push().framesSent()).isGreaterThanOrEqualTo(90);
        }
    }

    @Test
    void aStateChangeChangesTheSizeWithAKeyframeAndTheReaderKeepsDecoding() throws Exception {
        int port = TestReceiver.freePort();
        QualityController controller = new QualityController(AdaptiveAlgorithm.withDefaults(), 0,
                Limits.pin(QualityState.LOW));
        try (TestReceiver receiver = TestReceiver.rtmp(port);
             SyntheticCamera camera = new SyntheticCamera(new CameraSpec.Synthetic(640, 360, 30), at -> Pose.ORIGIN, 0);
             RobotStream stream = new RobotStream(List.of(camera), controller, settings("rtmp://127.0.0.1:" + port))) {
            assertThat(receiver.await(p -> p.size() >= 30, 15_000)).isTrue();
            long switched = System.currentTimeMillis();
            controller.setLimits(Limits.pin(QualityState.VERY_LOW));
            assertThat(receiver.await(p -> TestReceiver.after(p, switched).stream()
                    .filter(r -> r.width() == 640).count() >= 30, 15_000)).as("pictures at 360p after the switch").isTrue();
            List<ReceivedPicture> pictures = receiver.pictures();
            long gap = 0;
            for (int i = 1; i < pictures.size(); i++) {
                gap = Math.max(gap, pictures.get(i).arrivalMillis() - pictures.get(i - 1).arrivalMillis());
            }
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                    "longest gap between decoded pictures across the 480p30 -> 360p24 switch: " + gap + " ms");
            assertThat(gap).as("longest gap between pictures, ms").isLessThan(500);
            assertThat(receiver.sessions()).as("one session: no reconnect for the switch").isEqualTo(1);
            assertThat(stream.push().reconnects()).isZero();
        }
    }

    @Test
    void reconnectsWhenTheGatewayRestartsAndResumesAtAKeyframe() throws Exception {
        int port = TestReceiver.freePort();
        QualityController controller = new QualityController(AdaptiveAlgorithm.withDefaults(), 0,
                Limits.pin(QualityState.VERY_LOW));
        try (SyntheticCamera camera = new SyntheticCamera(new CameraSpec.Synthetic(640, 360, 24), at -> Pose.ORIGIN, 0);
             RobotStream stream = new RobotStream(List.of(camera), controller, settings("rtmp://127.0.0.1:" + port))) {
            try (TestReceiver first = TestReceiver.rtmp(port)) {
                assertThat(first.await(p -> p.size() >= 24, 15_000)).isTrue();
            }
            long restarted = System.currentTimeMillis();
            try (TestReceiver second = TestReceiver.rtmp(port)) {
                assertThat(second.await(p -> p.size() >= 24, 15_000)).as("pictures after the gateway came back").isTrue();
                assertThat(second.pictures().getFirst().hasStrip()).as("the new session starts with a whole picture").isTrue();
                assertThat(second.pictures().getFirst().arrivalMillis() - restarted).as("ms until pictures again")
                        .isLessThan(5000);
            }
            assertThat(stream.push().reconnects()).isGreaterThanOrEqualTo(1);
            assertThat(stream.push().lastError()).contains("rtmp://127.0.0.1:" + port).doesNotContain(KEY);
        }
    }
}
