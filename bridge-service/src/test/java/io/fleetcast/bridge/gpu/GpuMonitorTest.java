package io.fleetcast.bridge.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GpuMonitorTest {
    private static final String PROBE = "libx264 opened after h264_nvenc failed: no CUDA";
    private static final String MISSING = "lib(cuda|cudart|nvidia-ml)\\.so[.0-9]*: cannot open shared object file";

    @Test
    void withoutADriverTheStateNamesTheMissingLibraryAndWhatTheProbeFound() {
        try (GpuMonitor monitor = GpuMonitor.start(PROBE)) {
            GpuState state = monitor.get();
            if (Driver.present()) {
                assertThat(state.available()).as(state.reason()).isTrue();
                assertThat(state.devices()).isNotEmpty().allSatisfy(d -> assertThat(d.name()).isNotBlank());
                return;
            }
            assertThat(state.available()).isFalse();
            assertThat(state.reason()).startsWith("NVML bindings did not load: ").containsPattern(MISSING)
                    .doesNotContain("/.javacpp/").endsWith("; encoder probe: " + PROBE);
            assertThat(state.devices()).isEmpty();
        }
    }

    @Test
    void theMissingLibraryIsNamedEveryTimeNotOnlyOnTheFirstLoad() {
        if (Driver.present()) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(Nvml::open).isInstanceOf(GpuException.class).message().containsPattern(MISSING);
            try (GpuMonitor monitor = GpuMonitor.start(PROBE)) {
                assertThat(monitor.get().reason()).containsPattern(MISSING);
            }
        }
    }

    @Test
    void aLoadFailureKeepsTheLibraryNamesAndDropsTheCachePaths() {
        UnsatisfiedLinkError outer = new UnsatisfiedLinkError("no jnicudart in java.library.path: /usr/lib");
        outer.initCause(new UnsatisfiedLinkError("/root/.javacpp/cache/cuda-13.1-9.19-1.5.13-linux-x86_64.jar/org/"
                + "bytedeco/cuda/linux-x86_64/libjnicudart.so: libcudart.so.13: cannot open shared object file: "
                + "No such file or directory"));
        assertThat(Nvml.loadFailure(outer)).isEqualTo("NVML bindings did not load: libjnicudart.so: "
                + "libcudart.so.13: cannot open shared object file: No such file or directory");
    }

    @Test
    void aClosedMonitorKeepsItsLastStateAndClosesOnce() {
        GpuMonitor monitor = GpuMonitor.start(PROBE);
        GpuState before = monitor.get();
        monitor.close();
        monitor.close();
        assertThat(monitor.get()).isEqualTo(before);
    }
}
