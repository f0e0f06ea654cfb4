package io.fleetcast.bridge;

import io.fleetcast.bridge.audio.AudioParts;
import io.fleetcast.bridge.broadcast.LiveSound;
import io.fleetcast.bridge.broadcast.Output;
import io.fleetcast.bridge.broadcast.Pipeline;
import io.fleetcast.bridge.broadcast.RunSettings;
import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.config.ConfigException;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.media.Closer;
import io.fleetcast.bridge.restream.RestreamOutput;
import io.fleetcast.bridge.restream.RestreamSettings;
import io.fleetcast.bridge.s3.S3Bucket;
import io.fleetcast.bridge.s3.S3Settings;
import io.fleetcast.bridge.s3.S3Store;
import io.fleetcast.media.codec.EncoderProbe;
import io.fleetcast.media.codec.HardwareDevice;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.media.log.FfmpegLog;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one broadcast from the environment: INPUT_URL through the ladder into HLS_DIR (and the
 * restream, the audio endpoint). With DRY_RUN=true it prints the plan (input, encoder and
 * why, rungs, slate, outputs) and exits. Exit codes: 0 at a file's end, 1 when the broadcast
 * fails, 2 on bad configuration (the message names the key).
 */
public final class Main {
    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";
    private static final Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        BridgeConfig config;
        try {
            config = BridgeConfig.fromEnv(System.getenv());
        } catch (ConfigException e) {
            LOG.log(Level.ERROR, "bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(config));
    }

    /** The broadcast, its parts closed in reverse order on every way out (the end, a failure, a signal). */
    static int run(BridgeConfig config) throws InterruptedException {
        Closer closer = new Closer();
        Runnable closeAll = new Runnable() {
            private boolean closed;

            @Override
            public synchronized void run() {
                if (!closed) {
                    closed = true;
                    closer.close();
                }
            }
        };
        Thread hook = new Thread(closeAll, "bridge-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            FfmpegLog ffmpegLog = closer.add(new FfmpegLog(System.getLogger("ffmpeg"), config.ffmpegLogLevel()));
            ProbeResult probe = new EncoderProbe(ffmpegLog).choose(config.encoderOptions().candidates(config.encoders()));
            if (config.dryRun()) {
                System.out.print(Plan.describe(config, probe));
                return 0;
            }
            RunSettings settings = runSettings(config, probe);
            HardwareDevice device = settings.gpu() ? closer.add(HardwareDevice.cuda(config.cudaDevice())) : null;
            AudioParts audio = closer.add(AudioParts.start(config.audio()));
            LiveSound liveSound = audio.live() == null ? null : new LiveSound(audio.live(), config.audio().mix());
            Pipeline pipeline = closer.add(new Pipeline(config.input(), settings, config.slate(), outputs(config, ffmpegLog, closer),
                    liveSound, device, probe.reason(), config.metricsLogInterval()));
            LOG.log(Level.INFO, "bridge started: {0}", Plan.describe(config, probe).replace('\n', ' '));
            pipeline.start();
            while (!pipeline.awaitEnd(Duration.ofSeconds(1))) {
                // The ingest thread does the work; main only waits for a file input to end.
            }
            if (pipeline.failure() != null) {
                LOG.log(Level.ERROR, "broadcast failed: " + pipeline.failure().getMessage());
                return 1;
            }
            return 0;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "bridge failed: " + e.getMessage(), e);
            return 1;
        } finally {
            closeAll.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running (or ran) already.
            }
        }
    }

    /**
     * HLS, one restream per configured destination (each reconnects on its own), and HLS to S3
     * when a bucket is set: a second HLS output of its own, so a slow bucket never holds up the
     * local one. The S3 store is registered before the pipeline: it closes after the outputs
     * have finished (their final playlists), uploading what they left.
     */
    static List<Output> outputs(BridgeConfig config, FfmpegLog ffmpegLog, Closer closer) {
        List<Output> outputs = new ArrayList<>();
        LocalDirectory directory = new LocalDirectory(config.hlsDir());
        outputs.add(new HlsOutput(directory, directory.root().resolve(".staging"), config.hls()));
        for (RestreamSettings destination : config.restream()) {
            outputs.add(new RestreamOutput(destination, ffmpegLog));
        }
        if (config.s3().isPresent()) {
            S3Settings s3 = config.s3().get();
            S3Store store = closer.add(new S3Store(S3Bucket.connect(s3), directory.root().resolve(".s3-spool"), s3));
            outputs.add(new HlsOutput(store, directory.root().resolve(".s3-staging"), config.hls()));
        }
        return List.copyOf(outputs);
    }

    static RunSettings runSettings(BridgeConfig config, ProbeResult probe) {
        return new RunSettings(config.ladder(), probe.encoder(), config.encoderOptions(), config.encoderThreads(),
                config.gopSeconds(), config.audioBitRate(), config.cudaDevice(),
                config.audio().source() != io.fleetcast.bridge.audio.AudioSource.SILENT);
    }
}
