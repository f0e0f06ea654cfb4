package io.fleetcast.observer;

import io.fleetcast.media.FfmpegLibraries;
import io.fleetcast.media.codec.EncoderProbe;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.media.log.FfmpegLog;
import io.fleetcast.observer.config.ObserverConfig;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;

/**
 * The process on the robot. Reads the environment ({@code config/observer.env}); with
 * {@code DRY_RUN=true} prints the plan and exits. Bad configuration exits 2 naming the key;
 * what the machine lacks at start (no encoder opens, libavdevice for a V4L2 camera, the
 * robot's Unix socket) exits 1 saying what; once running, a dead camera, gateway or control
 * service is retried, never fatal.
 */
public final class Main {
    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";
    private static final Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        ObserverConfig config;
        try {
            config = ObserverConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "robot-observer: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        FfmpegLibraries.load();
        FfmpegLog ffmpegLog = new FfmpegLog(System.getLogger("ffmpeg"), Level.WARNING);
        ProbeResult probe;
        try {
            probe = new EncoderProbe(ffmpegLog).choose(config.codecs().candidates());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "robot-observer: cannot start: " + e.getMessage());
            ffmpegLog.close();
            System.exit(1);
            return;
        }
        if (config.dryRun()) {
            System.out.print(Plan.describe(config, probe));
            ffmpegLog.close();
            return;
        }
        Observer observer;
        try {
            observer = new Observer(config, probe);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "robot-observer: bad configuration: " + e.getMessage());
            ffmpegLog.close();
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            // What the machine lacks at start (libavdevice for V4L2, the robot's socket): say what, exit 1.
            LOG.log(Level.ERROR, "robot-observer: cannot start: " + e.getMessage());
            ffmpegLog.close();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                observer.close();
            } finally {
                ffmpegLog.close();
                stopped.countDown();
            }
        }, "observer-shutdown"));
        LOG.log(Level.INFO, "robot-observer started: " + Plan.describe(config, probe).replace('\n', ' '));
        stopped.await();
    }
}
