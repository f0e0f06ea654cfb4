package io.fleetcast.bridge;

import io.fleetcast.bridge.broadcast.Output;
import io.fleetcast.bridge.broadcast.Pipeline;
import io.fleetcast.bridge.broadcast.RunSettings;
import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.config.ConfigException;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.bridge.s3.S3Bucket;
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
import java.util.Locale;

/**
 * Runs one broadcast from the environment: INPUT_URL through the ladder into HLS_DIR. With
 * DRY_RUN=true it prints the plan (input, encoder and why, rungs, outputs) and exits.
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
            System.err.println("bridge-service: " + e.getMessage());
            System.exit(2);
            return;
        }
        FfmpegLog ffmpegLog = new FfmpegLog(System.getLogger("ffmpeg"), level(config.ffmpegLogLevel()));
        ProbeResult probe = new EncoderProbe(ffmpegLog).choose(
                config.encoderOptions().candidates(config.encoders()));
        RunSettings settings = runSettings(config, probe);
        if (config.dryRun()) {
            System.out.print(Plan.describe(config, probe));
            return;
        }
        HardwareDevice device = settings.gpu() ? HardwareDevice.cuda(config.cudaDevice()) : null;
        LocalDirectory directory = new LocalDirectory(config.hlsDir());
        List<Output> outputs = new ArrayList<>();
        outputs.add(new HlsOutput(directory, directory.root().resolve(".staging"), config.hls()));
        // S3 is a second HLS output of its own, so a slow bucket never holds up the local one.
        S3Store s3 = config.s3().map(s -> new S3Store(S3Bucket.connect(s), directory.root().resolve(".s3-spool"), s))
                .orElse(null);
        if (s3 != null) {
            outputs.add(new HlsOutput(s3, directory.root().resolve(".s3-staging"), config.hls()));
        }
        Pipeline pipeline = new Pipeline(config.input(), settings, config.slate(), outputs, device, probe.reason(),
                config.metricsLogInterval());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pipeline, s3), "bridge-shutdown"));
        LOG.log(Level.INFO, "bridge started: {0}", Plan.describe(config, probe).replace('\n', ' '));
        pipeline.start();
        while (!pipeline.awaitEnd(Duration.ofSeconds(1))) {
            // The ingest thread does the work; main only waits for a file input to end.
        }
        close(pipeline, s3);
        if (device != null) {
            device.close();
        }
        ffmpegLog.close();
        if (pipeline.failure() != null) {
            System.err.println("bridge-service: " + pipeline.failure().getMessage());
            System.exit(1);
        }
    }

    /** The outputs finish first (the final playlists), then the S3 store uploads what they left. */
    private static void close(Pipeline pipeline, S3Store s3) {
        pipeline.close();
        if (s3 != null) {
            s3.close();
        }
    }

    static RunSettings runSettings(BridgeConfig config, ProbeResult probe) {
        return new RunSettings(config.ladder(), probe.encoder(), config.encoderOptions(), config.encoderThreads(),
                config.gopSeconds(), config.audioBitRate(), config.cudaDevice(), true);
    }

    private static System.Logger.Level level(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quiet", "off" -> Level.OFF;
            case "error" -> Level.ERROR;
            case "info" -> Level.INFO;
            case "verbose", "debug" -> Level.DEBUG;
            case "trace" -> Level.TRACE;
            default -> Level.WARNING;
        };
    }
}
