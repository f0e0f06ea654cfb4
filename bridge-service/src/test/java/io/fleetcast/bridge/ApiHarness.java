package io.fleetcast.bridge;

import io.fleetcast.bridge.api.ApiServer;
import io.fleetcast.bridge.api.BridgeMeters;
import io.fleetcast.bridge.api.BroadcastManager;
import io.fleetcast.bridge.api.Parts;
import io.fleetcast.bridge.api.PartState;
import io.fleetcast.bridge.api.PipelineLauncher;
import io.fleetcast.bridge.config.BridgeConfig;
import io.fleetcast.bridge.gpu.DecodeDevice;
import io.fleetcast.bridge.gpu.GpuMonitor;
import io.fleetcast.config.Closer;
import io.fleetcast.media.codec.EncoderProbe;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.media.log.FfmpegLog;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The bridge as Main builds it (real pipelines, libx264 ultrafast, 2 s segments, the real GPU
 * state and decode choice: here no driver, so decoding in memory) on a free
 * port, and a java.net.http client for it. Closes in reverse order.
 */
final class ApiHarness implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789abcdef";

    final BridgeConfig config;
    final BroadcastManager manager;
    final ApiServer server;
    private final Closer closer = new Closer();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiHarness(Path hlsDir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of("HLS_DIR", hlsDir.toString(), "ENCODERS", "libx264",
                "X264_PRESET", "ultrafast", "LADDER", "360p:800k", "HLS_SEGMENT_SECONDS", "2", "HLS_LIST_SIZE", "0",
                "API_PORT", "0", "BRIDGE_API_TOKEN", TOKEN, "RECONNECT_MIN_MS", "200", "RECONNECT_MAX_MS", "1000"));
        env.putAll(extraEnv);
        env.values().removeIf(String::isEmpty);
        config = BridgeConfig.fromEnv(env);
        try {
            FfmpegLog log = closer.add(new FfmpegLog(System.getLogger("ffmpeg"), System.Logger.Level.WARNING));
            ProbeResult probe = new EncoderProbe(log).choose(config.encoderOptions().candidates(config.encoders()));
            DecodeDevice decode = closer.add(DecodeDevice.open(config.decode(), probe, config.cudaDevice(), log));
            manager = closer.add(new BroadcastManager(new PipelineLauncher(config, log, probe, decode.device(),
                    decode.path(), null), config));
            GpuMonitor gpu = closer.add(GpuMonitor.start(probe.reason()));
            BridgeMeters meters = closer.add(new BridgeMeters(manager, gpu));
            ApiDeps deps = ApiDeps.of(config.api().token(), manager, gpu, meters,
                    new Parts(config, manager, config.audio().endpointEnabled() ? PartState.UP : PartState.OFF));
            server = closer.add(ApiServer.start(0, routing -> Main.routing(routing, deps)));
        } catch (RuntimeException e) {
            closer.closeAfter(e);
            throw e;
        }
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.uri().resolve(path)).GET(), token);
    }

    HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri() {
        return server.uri();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        closer.close();
    }
}
