package io.fleetcast.bridge;

import io.fleetcast.bridge.api.ApiException;
import io.fleetcast.bridge.api.ApiServer;
import io.fleetcast.bridge.api.BearerCheck;
import io.fleetcast.bridge.api.BridgeMeters;
import io.fleetcast.bridge.api.BroadcastManager;
import io.fleetcast.bridge.api.BroadcastRoutes;
import io.fleetcast.bridge.api.BroadcastStatus;
import io.fleetcast.bridge.api.ErrorMapping;
import io.fleetcast.bridge.api.Parts;
import io.fleetcast.bridge.api.PartState;
import io.fleetcast.bridge.api.PipelineLauncher;
import io.fleetcast.bridge.api.StartRequest;
import io.fleetcast.bridge.audio.AudioParts;
import io.fleetcast.bridge.broadcast.LiveSound;
import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.gpu.DecodeDevice;
import io.fleetcast.bridge.gpu.GpuMonitor;
import io.fleetcast.config.Closer;
import io.fleetcast.config.ConfigException;
import io.fleetcast.media.codec.EncoderProbe;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.media.log.FfmpegLog;
import io.helidon.webserver.http.HttpRouting;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the bridge from the environment: the REST API on API_PORT, the audio endpoint, and the
 * main broadcast from AUTOSTART_INPUT_URL (alias INPUT_URL) through the ladder into HLS_DIR
 * and the restream. With DRY_RUN=true it prints the plan (input, encoder and decoder and
 * why, rungs, slate, outputs) and exits. Exit codes: 0 at a file's end, 1 when the broadcast
 * fails, 2 on bad configuration (the message names the key).
 */
public final class Main {
    private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(ShutdownLogManager.PROPERTY) == null) {
            System.setProperty(ShutdownLogManager.PROPERTY, ShutdownLogManager.class.getName());
        }
        if (System.getProperty(LOG_FORMAT) == null) {
            System.setProperty(LOG_FORMAT, "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        BridgeConfig config;
        try {
            config = BridgeConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            // ConfigException, or a config record's own check: both name the key.
            log().log(Level.ERROR, "bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(config));
    }

    /**
     * The bridge, its parts closed in reverse order on every way out: the end, a failure (in
     * {@code finally}) and a signal (the shutdown hook, which closes the same parts). With
     * AUTOSTART_INPUT_URL the main broadcast starts at boot, and as before a file input's end
     * exits 0 and a failed broadcast exits 1; otherwise the bridge serves its API until it is
     * stopped.
     */
    static int run(BridgeConfig config) {
        Closer closer = new Closer();
        Runnable closeAll = () -> {
            try {
                closer.close();
                log().log(Level.INFO, "bridge stopped");
            } catch (RuntimeException e) {
                log().log(Level.ERROR, "bridge stopped, but closing failed: " + e.getMessage(), e);
            }
        };
        Thread hook = new Thread(() -> {
            log().log(Level.INFO, "bridge stopping on a signal");
            closeAll.run();
        }, "bridge-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return serve(config, closer);
        } catch (ConfigException e) {
            log().log(Level.ERROR, "bad configuration: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            log().log(Level.ERROR, "bridge failed: " + e.getMessage(), e);
            return 1;
        } catch (LinkageError e) {
            log().log(Level.ERROR, "FFmpeg's native libraries did not load (see bridge-service/README.md for what the"
                    + " machine needs): " + e);
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                closeAll.run();
            } catch (IllegalStateException shuttingDown) {
                // The hook is running (or ran): it closes the parts.
            }
        }
    }

    private static int serve(BridgeConfig config, Closer closer) throws InterruptedException {
        FfmpegLog ffmpegLog = closer.add(new FfmpegLog(System.getLogger("ffmpeg"), config.ffmpegLogLevel()));
        ProbeResult probe = new EncoderProbe(ffmpegLog).choose(config.encoderOptions().candidates(config.encoders()));
        DecodeDevice decode = closer.add(DecodeDevice.open(config.decode(), probe, config.cudaDevice(), ffmpegLog));
        if (config.dryRun()) {
            System.out.print(Plan.describe(config, probe, decode.path()));
            return 0;
        }
        AudioParts audio;
        PartState audioState;
        try {
            audio = closer.add(AudioParts.start(config.audio()));
            audioState = config.audio().endpointEnabled() ? PartState.UP : PartState.OFF;
        } catch (RuntimeException e) {
            // The audio endpoint is optional: without it the broadcast keeps the source's sound.
            log().log(Level.ERROR, "audio endpoint failed to start, broadcasting without it: " + e.getMessage(), e);
            audio = null;
            audioState = PartState.down("did not start: " + e.getMessage());
        }
        LiveSound liveSound = audio == null || audio.live() == null ? null
                : new LiveSound(audio.live(), config.audio().mix());
        BroadcastManager manager = closer.add(new BroadcastManager(
                new PipelineLauncher(config, ffmpegLog, probe, decode.device(), decode.path(), liveSound), config));
        if (config.api().token() == null) {
            log().log(Level.WARNING, "BRIDGE_API_TOKEN is not set: the API serves /health only");
        }
        GpuMonitor gpu = closer.add(GpuMonitor.start(probe.reason()));
        BridgeMeters meters = closer.add(new BridgeMeters(manager, gpu));
        Parts parts = new Parts(config, manager, audioState);
        parts.logSwitches();
        ApiDeps deps = ApiDeps.of(config.api().token(), manager, gpu, meters, parts);
        closer.add(ApiServer.start(config.api().port(), routing -> routing(routing, deps)));
        log().log(Level.INFO, "bridge started: {0}", Plan.describe(config, probe, decode.path()).replace('\n', ' '));
        if (config.autostartUrl().isEmpty()) {
            new CountDownLatch(1).await();
            return 0;
        }
        String main = config.api().mainBroadcast();
        manager.start(main, StartRequest.EMPTY);
        while (true) {
            Thread.sleep(1000);
            String state = manager.status(main).map(BroadcastStatus::state).orElse("stopped");
            if (state.equals("ended")) {
                return 0;
            }
            if (state.equals("failed")) {
                log().log(Level.ERROR, "broadcast failed: " + manager.status(main).orElseThrow().lastError());
                return 1;
            }
        }
    }

    /** Not a static field: the first logger must come after {@link ShutdownLogManager} is chosen. */
    private static Logger log() {
        return System.getLogger(Main.class.getName());
    }

    /** The API's routing table: only /health is open, every other route needs the bearer token. */
    static void routing(HttpRouting.Builder routing, ApiDeps deps) {
        ErrorMapping.register(routing, deps.json());
        BearerCheck bearer = deps.bearer();
        BroadcastRoutes broadcasts = deps.broadcasts();
        routing.get("/health", deps.health()::probe)
                .get("/api/streaming/health", bearer.guard(deps.health()::streaming))
                .get("/metrics", bearer.guard(deps.metrics()))
                .get("/api/broadcasts", bearer.guard(broadcasts::list))
                .get("/api/broadcasts/{name}", bearer.guard(broadcasts::get))
                .post("/api/broadcasts/{name}/start", bearer.guard(broadcasts::start))
                .post("/api/broadcasts/{name}/stop", bearer.guard(broadcasts::stop))
                .post("/api/broadcasts/{name}/slate", bearer.guard(broadcasts::slate))
                // Keep last: anything not routed above is a JSON 404 (after the token check).
                .any(bearer.guard((req, res) -> {
                    throw ApiException.notFound("no such endpoint: " + req.prologue().method().text() + " "
                            + req.path().path());
                }));
    }
}
