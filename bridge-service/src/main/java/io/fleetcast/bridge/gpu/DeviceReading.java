package io.fleetcast.bridge.gpu;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One GPU's figures as NVML gave them at one moment. A figure the GPU does not report (NVML
 * answers "Not Supported", as data-center GPUs without NVENC may for the encoder) is null, and
 * {@code notRead} says which call gave what instead.
 *
 * @param gpuUtilization    percent of the last sample period a kernel ran
 * @param memoryUtilization percent of that period device memory was read or written
 * @param encoderSessions   NVENC sessions open on the GPU (every process's)
 * @param encoderFps        their average frames per second
 * @param encoderLatencyMicros their average encode latency
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeviceReading(int index, String name, Integer gpuUtilization, Integer memoryUtilization,
                            Integer encoderUtilization, Integer decoderUtilization, Integer encoderSessions,
                            Integer encoderFps, Integer encoderLatencyMicros, Long memoryUsedBytes,
                            Long memoryTotalBytes, Integer temperatureCelsius, List<String> notRead) {
    public DeviceReading {
        notRead = List.copyOf(notRead);
    }
}
