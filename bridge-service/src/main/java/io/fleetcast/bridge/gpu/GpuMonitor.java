package io.fleetcast.bridge.gpu;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The GPU state the health document and the metrics show: NVML read on demand, at most once
 * per {@link #MAX_AGE} (a scrape and a health request share one reading), by one owner that
 * serialises reads and close. Without NVML (no driver) the state says why, for good.
 */
public final class GpuMonitor implements Supplier<GpuState>, AutoCloseable {
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final Logger LOG = System.getLogger(GpuMonitor.class.getName());

    private final Nvml nvml;
    private final String probeReason;
    private GpuState latest;
    private long readAt;
    private boolean closed;

    private GpuMonitor(Nvml nvml, String probeReason, GpuState first) {
        this.nvml = nvml;
        this.probeReason = probeReason;
        this.latest = first;
        this.readAt = System.nanoTime();
    }

    /** Opens NVML once for the process's life; never throws for a missing GPU. */
    public static GpuMonitor start(String probeReason) {
        Nvml nvml;
        try {
            nvml = Nvml.open();
        } catch (GpuException e) {
            GpuState state = GpuState.unavailable(e.getMessage(), probeReason);
            LOG.log(Level.INFO, "GPU state: none ({0})", state.reason());
            return new GpuMonitor(null, probeReason, state);
        }
        GpuMonitor monitor = new GpuMonitor(nvml, probeReason, null);
        try {
            GpuState first = monitor.get();
            LOG.log(Level.INFO, "GPU state: {0}", first.available() ? first.devices() : first.reason());
            return monitor;
        } catch (RuntimeException e) {
            monitor.close();
            throw e;
        }
    }

    @Override
    public synchronized GpuState get() {
        if (nvml == null || closed) {
            return latest;
        }
        long now = System.nanoTime();
        if (latest == null || now - readAt >= MAX_AGE.toNanos()) {
            GpuState previous = latest;
            latest = read();
            readAt = now;
            if (previous != null && previous.available() != latest.available()) {
                LOG.log(latest.available() ? Level.INFO : Level.WARNING, "GPU state changed: {0}", latest.reason());
            }
        }
        return latest;
    }

    private GpuState read() {
        try {
            return GpuState.of(nvml.read(), probeReason);
        } catch (GpuException e) {
            return GpuState.unavailable(e.getMessage(), probeReason);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (nvml != null) {
                nvml.close();
            }
        }
    }
}
