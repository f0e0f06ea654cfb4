package io.fleetcast.bridge;

import io.fleetcast.bridge.api.BearerCheck;
import io.fleetcast.bridge.api.BridgeMeters;
import io.fleetcast.bridge.api.MetricsRoute;
import io.fleetcast.bridge.api.BroadcastManager;
import io.fleetcast.bridge.api.BroadcastRoutes;
import io.fleetcast.bridge.api.HealthRoutes;
import io.fleetcast.bridge.api.Json;
import io.fleetcast.bridge.api.Parts;
import io.fleetcast.bridge.gpu.GpuState;
import java.util.function.Supplier;

/** What the API's routing table needs; {@link Main} builds it, tests too. */
record ApiDeps(BearerCheck bearer, Json json, BroadcastRoutes broadcasts, HealthRoutes health, MetricsRoute metrics) {
    /** @param meters closed by the caller, after the server */
    static ApiDeps of(String token, BroadcastManager manager, Supplier<GpuState> gpu, BridgeMeters meters,
                      Parts parts) {
        Json json = new Json();
        return new ApiDeps(new BearerCheck(token), json, new BroadcastRoutes(manager, json),
                new HealthRoutes(manager, gpu, json, parts), new MetricsRoute(meters));
    }
}
