package io.fleetcast.bridge.api;

import io.fleetcast.bridge.gpu.GpuState;
import java.util.List;

/** {@code GET /api/streaming/health}: the process, the GPU, and every broadcast's figures. */
public record StreamingHealth(String status, GpuState gpu, List<BroadcastHealth> broadcasts) {
}
