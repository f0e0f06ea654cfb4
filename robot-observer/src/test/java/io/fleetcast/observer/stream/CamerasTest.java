package io.fleetcast.observer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.media.retry.Backoff;
import io.fleetcast.media.source.PacedPublisher;
import io.fleetcast.media.source.SyntheticSource;
import io.fleetcast.observer.camera.CameraSpec;
import io.fleetcast.observer.camera.DeviceCamera;
import io.fleetcast.observer.camera.SyntheticCamera;
import io.fleetcast.observer.scene.Pose;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityController;
import io.fleetcast.quality.QualityState;
import io.fleetcast.quality.adaptive.AdaptiveAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamerasTest {
    @Test
    void aCameraUnpluggedMidRunBecomesANoSignalTileWhileTheOtherGoesOnAndComesBack(@TempDir Path dir) throws Exception {
        Path clip = dir.resolve("camera.ts");
        new SyntheticSource(640, 360, 30, 30, false, 1_500_000, "ultrafast").writeTo(clip);
        int cameraPort = TestReceiver.freePort();
        int port = TestReceiver.freePort();
        QualityController controller = new QualityController(AdaptiveAlgorithm.withDefaults(), 0,
                Limits.pin(QualityState.LOW));
        PacedPublisher plugged = new PacedPublisher();
        Thread feed = plugIn(plugged, clip, cameraPort);
        try (TestReceiver receiver = TestReceiver.rtmp(port);
             SyntheticCamera synthetic = new SyntheticCamera(new CameraSpec.Synthetic(640, 360, 30), at -> Pose.ORIGIN, 0);
             DeviceCamera network = new DeviceCamera(new CameraSpec.Network("tcp://127.0.0.1:" + cameraPort),
                     new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)), Duration.ofSeconds(1), 1);
             RobotStream stream = new RobotStream(List.of(synthetic, network), controller,
                     RobotStreamTest.settings("rtmp://127.0.0.1:" + port))) {
            assertThat(receiver.await(p -> !p.isEmpty() && p.getLast().rightHalfLuma() > 50, 15_000))
                    .as("the network camera's picture on the right").isTrue();
            plugged.close();
            feed.join(5000);
            long unplugged = System.currentTimeMillis();
            assertThat(receiver.await(p -> p.getLast().arrivalMillis() > unplugged + 500
                    && p.getLast().rightHalfLuma() < 40, 10_000)).as("the no-signal card on the right").isTrue();
            List<ReceivedPicture> after = TestReceiver.after(receiver.pictures(), unplugged + 2500);
            assertThat(receiver.await(p -> TestReceiver.after(p, unplugged + 2500).size() > 30, 10_000)).isTrue();
            after = TestReceiver.after(receiver.pictures(), unplugged + 2500);
            assertThat(after.getFirst().leftStripMillis()).as("the synthetic tile carries on").isPositive();
            assertThat(after.getLast().leftStripMillis()).isGreaterThan(after.getFirst().leftStripMillis() + 500);
            assertThat(network.slot().live()).isFalse();

            PacedPublisher again = new PacedPublisher();
            Thread replugged = plugIn(again, clip, cameraPort);
            try {
                assertThat(receiver.await(p -> p.getLast().rightHalfLuma() > 50, 15_000))
                        .as("the camera is back after it was plugged in again").isTrue();
                assertThat(network.slot().live()).isTrue();
            } finally {
                again.close();
                replugged.join(5000);
            }
            assertThat(stream.push().reconnects()).as("the push never noticed").isZero();
        }
    }

    /** A camera on a TCP port, as a network camera serves its stream; it ends when closed or unplugged. */
    private static Thread plugIn(PacedPublisher camera, Path clip, int port) {
        return Thread.ofPlatform().start(() -> {
            try {
                camera.publish(clip.toString(), "mpegts", "tcp://127.0.0.1:" + port + "?listen=1", Map.of(), 30);
            } catch (io.fleetcast.media.MediaException e) {
                // the observer hung up: what an unplugged cable looks like from the camera
            }
        });
    }

    @Test
    void pushesOverSrtToo() throws Exception {
        int port = TestReceiver.freePort();
        QualityController controller = new QualityController(AdaptiveAlgorithm.withDefaults(), 0,
                Limits.pin(QualityState.VERY_LOW));
        try (TestReceiver receiver = TestReceiver.srt(port);
             SyntheticCamera camera = new SyntheticCamera(new CameraSpec.Synthetic(640, 360, 24), at -> Pose.ORIGIN, 0);
             RobotStream stream = new RobotStream(List.of(camera), controller,
                     RobotStreamTest.settings("srt://127.0.0.1:" + port))) {
            assertThat(receiver.await(p -> p.size() >= 48, 15_000)).as("pictures over SRT").isTrue();
            ReceivedPicture last = receiver.pictures().getLast();
            assertThat(last.width()).isEqualTo(640);
            assertThat(last.hasStrip()).isTrue();
            assertThat(last.latencyMillis()).isLessThan(1000);
        }
    }
}
