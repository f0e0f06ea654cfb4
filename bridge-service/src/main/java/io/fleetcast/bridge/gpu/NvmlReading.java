package io.fleetcast.bridge.gpu;

import java.util.List;

/** What one pass over NVML read: the driver's version and every GPU's figures, in index order. */
public record NvmlReading(String driverVersion, List<DeviceReading> devices) {
    public NvmlReading {
        devices = List.copyOf(devices);
    }
}
