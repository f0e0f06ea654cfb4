package io.fleetcast.bridge.api;

/**
 * Whether the bridge sees an NVIDIA GPU. It reads no NVML: {@code org.bytedeco:cuda} is not
 * one of its dependencies, so {@code available} is what the start-up encoder probe found
 * (an NVENC session opened or not), with the probe's reason.
 */
public record GpuState(boolean available, String reason) {
    public static GpuState fromProbe(String encoder, String probeReason) {
        boolean nvenc = "h264_nvenc".equals(encoder);
        return new GpuState(nvenc, (nvenc ? "NVENC session opened" : "no NVML library; NVENC not in use")
                + " (encoder probe: " + probeReason + ")");
    }
}
