package io.fleetcast.observer;

import io.fleetcast.control.socket.Probe;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestClient;
import io.fleetcast.control.testing.TestServer;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.media.codec.ProbeAttempt;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.observer.config.ObserverConfig;
import io.fleetcast.observer.control.UserSocket;
import io.fleetcast.observer.scene.SyntheticScene;
import io.fleetcast.observer.stream.ReceivedPicture;
import io.fleetcast.observer.stream.TestReceiver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole observer: a real control service, the synthetic robot and scene, a listening FFmpeg. */
@ExtendWith(StoresExtension.class)
class ObserverTest {
    private static final SyntheticScene SCENE = new SyntheticScene(640, 360);

    @Test
    void aUsersMoveMovesTheMarkerInTheVideoAndTheDeadmanStopsIt(TestStores stores) throws Exception {
        int port = TestReceiver.freePort();
        try (TestServer server = TestServer.start(stores);
             TestReceiver receiver = TestReceiver.rtmp(port)) {
            TestClient.Session owner = server.client().signUp("owner");
            TestClient.NewRobot rover = server.client().createRobot(owner, "rover", "private");
            ObserverConfig config = ObserverConfig.fromEnv(Map.of(
                    "ROBOT_ID", Long.toString(rover.id()), "STREAM_KEY", rover.streamKey(),
                    "PUSH_PATH", "robot_1", "GATEWAY_URL", "rtmp://127.0.0.1:" + port,
                    "CAMERAS", "synthetic:640x360@30", "QUALITY_PIN", "LOW", "ENCODERS", "libx264",
                    "CONTROL_URL", server.server().uri().toString(), "ROBOT_LINK", "synthetic"));
            ProbeResult probe = new ProbeResult("libx264", "test", List.of(new ProbeAttempt("libx264", true, "")));
            try (Observer observer = new Observer(config, probe);
                 Probe user = UserSocket.robotOnline(server.server().port(), rover.id(), owner.token())) {
                assertThat(receiver.await(p -> p.size() > 30, 15_000)).as("pictures").isTrue();
                double start = markerX(receiver);
                for (int i = 0; i < 10; i++) {
                    user.send("{\"type\":\"command\",\"seq\":" + (i + 1)
                            + ",\"action\":\"move\",\"args\":{\"linear\":0.5,\"angular\":0}}");
                    Thread.sleep(200);
                }
                Thread.sleep(300);
                double moved = markerX(receiver);
                assertThat(moved - start).as("metres east seen in the video after 2 s at 0.5 m/s")
                        .isBetween(0.6, 1.4);
                // No more commands: the deadman stops the robot 0.5 s after the last one.
                Thread.sleep(1000);
                double stopped = markerX(receiver);
                Thread.sleep(1000);
                assertThat(markerX(receiver) - stopped).as("metres moved after the deadman").isLessThan(0.05);
            }
        }
    }

    /** The marker's x in metres in the latest picture the receiver decoded. */
    private static double markerX(TestReceiver receiver) {
        List<ReceivedPicture> pictures = receiver.pictures();
        ReceivedPicture last = pictures.getLast();
        assertThat(last.markerX()).as("marker seen").isNotNaN();
        return SCENE.metresAt(last.markerX() * SCENE.width(), last.markerY() * SCENE.height())[0];
    }
}
