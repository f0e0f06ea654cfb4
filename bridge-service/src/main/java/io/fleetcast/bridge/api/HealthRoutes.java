package io.fleetcast.bridge.api;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.fleetcast.bridge.gpu.GpuState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /health} (probes, no token) and {@code GET /api/streaming/health} (the figures). */
public final class HealthRoutes {
    private final BroadcastManager manager;
    private final Supplier<GpuState> gpu;
    private final Json json;
    private final Parts parts;

    public HealthRoutes(BroadcastManager manager, Supplier<GpuState> gpu, Json json, Parts parts) {
        this.manager = manager;
        this.gpu = gpu;
        this.json = json;
        this.parts = parts;
    }

    /**
     * Up while the process serves; says nothing of the broadcasts (a failed one is not a dead
     * bridge). Each optional part is listed OFF, UP or DOWN with the reason: a part that is down
     * fails alone, so the answer stays 200.
     */
    public void probe(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("parts", parts.now());
        json.send(res, Status.OK_200, body);
    }

    public void streaming(ServerRequest req, ServerResponse res) {
        json.send(res, Status.OK_200, new StreamingHealth("UP", gpu.get(), manager.health()));
    }
}
