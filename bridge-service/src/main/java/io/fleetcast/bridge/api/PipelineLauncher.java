package io.fleetcast.bridge.api;

import io.fleetcast.bridge.audio.AudioSource;
import io.fleetcast.bridge.broadcast.LiveSound;
import io.fleetcast.bridge.broadcast.Output;
import io.fleetcast.bridge.broadcast.Pipeline;
import io.fleetcast.bridge.broadcast.RunSettings;
import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.gpu.VideoPath;
import io.fleetcast.bridge.hls.HlsOutput;
import io.fleetcast.bridge.hls.LocalDirectory;
import io.fleetcast.bridge.metrics.BroadcastMetrics;
import io.fleetcast.bridge.restream.RestreamOutput;
import io.fleetcast.bridge.restream.RestreamSettings;
import io.fleetcast.bridge.s3.S3Bucket;
import io.fleetcast.bridge.s3.S3Settings;
import io.fleetcast.bridge.s3.S3Store;
import io.fleetcast.config.Closer;
import io.fleetcast.media.codec.HardwareDevice;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.media.log.FfmpegLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a broadcast as the bridge always has: HLS into its folder, one restream per
 * destination, HLS to S3 when a bucket is set (other broadcasts under {prefix}/{name}), and a
 * {@link Pipeline} over them; every part goes into the broadcast's own {@link Closer}. The
 * encoder choice, the CUDA device and FFmpeg's log are the process's, shared by all
 * broadcasts; the outside sound ({@code liveSound}) goes to the main broadcast only, as a
 * jitter buffer has one reader.
 */
public final class PipelineLauncher implements Launcher {
    private final BridgeConfig config;
    private final FfmpegLog ffmpegLog;
    private final ProbeResult probe;
    private final HardwareDevice device;
    private final VideoPath path;
    private final LiveSound liveSound;

    /**
     * @param device    the decoders' CUDA device, nullable (decode in memory)
     * @param path      where pictures are decoded and encoded, and why
     * @param liveSound nullable (no outside sound)
     */
    public PipelineLauncher(BridgeConfig config, FfmpegLog ffmpegLog, ProbeResult probe, HardwareDevice device,
                            VideoPath path, LiveSound liveSound) {
        this.config = config;
        this.ffmpegLog = ffmpegLog;
        this.probe = probe;
        this.device = device;
        this.path = path;
        this.liveSound = liveSound;
    }

    @Override
    public Running launch(BroadcastSpec spec) {
        Closer closer = new Closer();
        try {
            boolean main = spec.name().equals(config.api().mainBroadcast());
            RunSettings settings = new RunSettings(spec.ladder(), probe.encoder(), config.encoderOptions(),
                    config.encoderThreads(), config.gopSeconds(), config.audioBitRate(), config.cudaDevice(),
                    config.audio().source() != AudioSource.SILENT);
            Pipeline pipeline = closer.add(new Pipeline(spec.input(), settings, config.slate(), outputs(spec, closer),
                    main ? liveSound : null, device, path, config.metricsLogInterval()));
            pipeline.start();
            return new Running() {
                @Override
                public BroadcastMetrics metrics() {
                    return pipeline.metrics();
                }

                @Override
                public void close() {
                    closer.close();
                }
            };
        } catch (RuntimeException e) {
            closer.closeAfter(e);
            throw e;
        }
    }

    /** The S3 store is registered before the pipeline: it closes after the outputs wrote their last playlists. */
    private List<Output> outputs(BroadcastSpec spec, Closer closer) {
        List<Output> outputs = new ArrayList<>();
        LocalDirectory directory = new LocalDirectory(spec.hlsDir());
        outputs.add(new HlsOutput(directory, directory.root().resolve(".staging"), config.hls()));
        for (RestreamSettings destination : spec.restream()) {
            outputs.add(new RestreamOutput(destination, ffmpegLog));
        }
        if (config.s3().isPresent()) {
            S3Settings s3 = config.s3().get();
            if (!spec.hlsDir().equals(config.hlsDir())) {
                s3 = new S3Settings(s3.bucket(), s3.prefix().isEmpty() ? spec.name() : s3.prefix() + "/" + spec.name(),
                        s3.endpoint(), s3.region(), s3.deleteOld(), s3.deleteDelay(), s3.spoolSegments());
            }
            S3Store store = closer.add(new S3Store(S3Bucket.connect(s3), directory.root().resolve(".s3-spool"), s3));
            outputs.add(new HlsOutput(store, directory.root().resolve(".s3-staging"), config.hls()));
        }
        return List.copyOf(outputs);
    }
}
