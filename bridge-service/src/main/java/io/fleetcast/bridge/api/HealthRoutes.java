package io.fleetcast.bridge.api;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.fleetcast.bridge.gpu.GpuState;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /health} (probes, no token) and {@code GET /api/streaming/health} (the figures). */
public final class HealthRoutes {
    private final BroadcastManager manager;
    private final Supplier<GpuState> gpu;
    private final Json json;

    public HealthRoutes(BroadcastManager manager, Supplier<GpuState> gpu, Json json) {
        this.manager = manager;
        this.gpu = gpu;
        this.json = json;
    }

    /** Up while the process serves; says nothing of the broadcasts (a failed one is not a dead bridge). */
    public void probe(ServerRequest req, ServerResponse res) {
        json.send(res, Status.OK_200, Map.of("status", "UP"));
    }

    public void streaming(ServerRequest req, ServerResponse res) {
        json.send(res, Status.OK_200, new StreamingHealth("UP", gpu.get(), manager.health()));
    }
}
