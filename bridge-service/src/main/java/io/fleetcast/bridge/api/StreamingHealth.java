package io.fleetcast.bridge.api;

import java.util.List;

/** {@code GET /api/streaming/health}: the process, the GPU, and every broadcast's figures. */
public record StreamingHealth(String status, GpuState gpu, List<BroadcastHealth> broadcasts) {
}
