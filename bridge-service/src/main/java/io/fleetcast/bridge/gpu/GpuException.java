package io.fleetcast.bridge.gpu;

/** The GPU cannot be read or used; the message says why (a missing library, NVML's or FFmpeg's words). */
public final class GpuException extends RuntimeException {
    public GpuException(String message) {
        super(message);
    }

    public GpuException(String message, Throwable cause) {
        super(message, cause);
    }
}
