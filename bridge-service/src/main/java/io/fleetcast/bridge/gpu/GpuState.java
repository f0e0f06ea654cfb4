package io.fleetcast.bridge.gpu;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code gpu} of the health document: whether NVML reads a GPU and why (or why not), with
 * what the start-up encoder probe found, the driver's version and every GPU's figures.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GpuState(boolean available, String reason, String driverVersion, List<DeviceReading> devices) {
    public GpuState {
        devices = List.copyOf(devices);
    }

    /** No GPU to read: {@code why} is the missing library or NVML's error. */
    public static GpuState unavailable(String why, String probeReason) {
        return new GpuState(false, why + "; encoder probe: " + probeReason, null, List.of());
    }

    /** What a reading shows; a driver that lists no GPU is no GPU. */
    public static GpuState of(NvmlReading reading, String probeReason) {
        if (reading.devices().isEmpty()) {
            return unavailable("NVML (driver " + reading.driverVersion() + ") lists no GPU", probeReason);
        }
        int count = reading.devices().size();
        return new GpuState(true, "NVML reads " + count + (count == 1 ? " GPU" : " GPUs") + "; encoder probe: "
                + probeReason, reading.driverVersion(), reading.devices());
    }
}
