package io.fleetcast.observer;

import io.fleetcast.config.Closer;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.observer.camera.Camera;
import io.fleetcast.observer.camera.CameraSpec;
import io.fleetcast.observer.camera.DeviceCamera;
import io.fleetcast.observer.camera.SyntheticCamera;
import io.fleetcast.observer.config.ObserverConfig;
import io.fleetcast.observer.control.ControlClient;
import io.fleetcast.observer.control.MediaTokenExchange;
import io.fleetcast.observer.control.RobotLink;
import io.fleetcast.observer.push.PushAuth;
import io.fleetcast.observer.safety.Deadman;
import io.fleetcast.observer.scene.Pose;
import io.fleetcast.observer.scene.SceneSubject;
import io.fleetcast.observer.stream.LiveController;
import io.fleetcast.observer.stream.RobotStream;
import io.fleetcast.observer.stream.StreamReport;
import io.fleetcast.observer.stream.StreamSettings;
import io.fleetcast.quality.QualityController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every part of the running observer, built from the config and closed in reverse order:
 * robot bridge, cameras, stream (encoder, publisher, uplink meter), deadman, control socket.
 * Each part supervises itself (cameras, publisher, encoder and socket each restart alone with
 * backoff), which is the watchdog: nothing here gives up once started.
 */
public final class Observer implements AutoCloseable {
    private static final Duration DEFAULT_STATE_PERIOD = Duration.ofMillis(100);

    private final Closer closer = new Closer();

    public Observer(ObserverConfig config, ProbeResult probe) {
        try {
            RobotLink robot = closer.add(config.robotLink().open(config.control() == null
                    ? DEFAULT_STATE_PERIOD : config.control().statePeriod()));
            SceneSubject subject = robot instanceof SceneSubject s ? s : at -> Pose.ORIGIN;
            List<Camera> cameras = new ArrayList<>();
            for (int i = 0; i < config.cameras().size(); i++) {
                CameraSpec spec = config.cameras().get(i);
                cameras.add(closer.add(spec instanceof CameraSpec.Synthetic synthetic
                        ? new SyntheticCamera(synthetic, subject, i)
                        : new DeviceCamera(spec, config.reconnect(), config.cameraStall(), i)));
            }
            QualityController controller = LiveController.create(config.startLimits());
            RobotStream stream = closer.add(new RobotStream(cameras, controller, new StreamSettings(config.target(),
                    config.gatewayAuth() == ObserverConfig.GatewayAuth.JWT ? new MediaTokenExchange(config.control())
                            : PushAuth.STREAM_KEY, probe.encoder(), config.codecs().options(probe.encoder()), config.gopSeconds(),
                    config.bufferSeconds(), config.maxDelay(), config.reconnect(), config.samplePeriod())));
            if (config.control() != null) {
                Deadman deadman = closer.add(new Deadman(robot, config.deadman()));
                closer.add(ControlClient.start(config.control(), deadman, new StreamReport(stream, controller),
                        controller::setLimits));
            }
        } catch (RuntimeException e) {
            closer.closeAfter(e);
            throw e;
        }
    }

    @Override
    public void close() {
        closer.close();
    }
}
