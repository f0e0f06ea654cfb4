package io.fleetcast.bridge.gpu;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this machine has an NVIDIA driver loaded, so tests can say what to expect. */
final class Driver {
    private Driver() {
    }

    static boolean present() {
        return Files.exists(Path.of("/proc/driver/nvidia/version"));
    }
}
