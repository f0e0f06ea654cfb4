package io.fleetcast.bridge.gpu;

import static org.bytedeco.cuda.global.nvml.NVML_DEVICE_NAME_V2_BUFFER_SIZE;
import static org.bytedeco.cuda.global.nvml.NVML_SUCCESS;
import static org.bytedeco.cuda.global.nvml.NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE;
import static org.bytedeco.cuda.global.nvml.NVML_TEMPERATURE_GPU;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetCount_v2;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetDecoderUtilization;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetEncoderStats;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetEncoderUtilization;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetHandleByIndex_v2;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetMemoryInfo;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetName;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetTemperature;
import static org.bytedeco.cuda.global.nvml.nvmlDeviceGetUtilizationRates;
import static org.bytedeco.cuda.global.nvml.nvmlErrorString;
import static org.bytedeco.cuda.global.nvml.nvmlInit_v2;
import static org.bytedeco.cuda.global.nvml.nvmlShutdown;
import static org.bytedeco.cuda.global.nvml.nvmlSystemGetDriverVersion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.cuda.nvml.nvmlDevice_st;
import org.bytedeco.cuda.nvml.nvmlMemory_t;
import org.bytedeco.cuda.nvml.nvmlUtilization_t;
import org.bytedeco.javacpp.Loader;

/**
 * Owns one NVML session: {@code nvmlInit} when opened, {@code nvmlShutdown} on close, and
 * reads every GPU's figures on demand. Each read uses buffers of its own; {@link GpuMonitor}
 * keeps reads and close apart.
 */
public final class Nvml implements AutoCloseable {
    private static final Pattern LIBRARY_PATH = Pattern.compile("(?:/[^\\s:]*/)(lib[^/\\s:]+\\.so[.0-9]*)");
    private boolean open = true;

    private Nvml() {
    }

    /**
     * Starts a session; throws a {@link GpuException} naming the missing library (no driver:
     * {@code libcuda.so.1}; a driver without the CUDA 13 runtime the bindings load first:
     * {@code libcudart.so.13}) or NVML's error.
     */
    public static Nvml open() {
        if (Library.FAILURE != null) {
            throw new GpuException(Library.FAILURE);
        }
        int code = nvmlInit_v2();
        if (code != NVML_SUCCESS) {
            throw new GpuException("nvmlInit failed: " + error(code) + " (" + code + ")");
        }
        return new Nvml();
    }

    /** The driver's version and every GPU's figures now; throws when NVML cannot list the GPUs. */
    public NvmlReading read() {
        if (!open) {
            throw new IllegalStateException("NVML session already closed");
        }
        byte[] driver = new byte[NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE];
        check("nvmlSystemGetDriverVersion", nvmlSystemGetDriverVersion(driver, driver.length));
        int[] count = new int[1];
        check("nvmlDeviceGetCount", nvmlDeviceGetCount_v2(count));
        List<DeviceReading> devices = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) {
            devices.add(device(i));
        }
        return new NvmlReading(text(driver), devices);
    }

    private static DeviceReading device(int index) {
        nvmlDevice_st device = new nvmlDevice_st();
        check("nvmlDeviceGetHandleByIndex(" + index + ")", nvmlDeviceGetHandleByIndex_v2(index, device));
        List<String> notRead = new ArrayList<>();
        byte[] name = new byte[NVML_DEVICE_NAME_V2_BUFFER_SIZE];
        String deviceName = read(notRead, "nvmlDeviceGetName", nvmlDeviceGetName(device, name, name.length))
                ? text(name) : "GPU " + index;
        Integer gpu = null;
        Integer memory = null;
        try (nvmlUtilization_t rates = new nvmlUtilization_t()) {
            if (read(notRead, "nvmlDeviceGetUtilizationRates", nvmlDeviceGetUtilizationRates(device, rates))) {
                gpu = rates.gpu();
                memory = rates.memory();
            }
        }
        int[] value = new int[1];
        int[] period = new int[1];
        Integer encoder = read(notRead, "nvmlDeviceGetEncoderUtilization",
                nvmlDeviceGetEncoderUtilization(device, value, period)) ? value[0] : null;
        Integer decoder = read(notRead, "nvmlDeviceGetDecoderUtilization",
                nvmlDeviceGetDecoderUtilization(device, value, period)) ? value[0] : null;
        int[] sessions = new int[1];
        int[] fps = new int[1];
        int[] latency = new int[1];
        boolean stats = read(notRead, "nvmlDeviceGetEncoderStats",
                nvmlDeviceGetEncoderStats(device, sessions, fps, latency));
        Long used = null;
        Long total = null;
        try (nvmlMemory_t info = new nvmlMemory_t()) {
            if (read(notRead, "nvmlDeviceGetMemoryInfo", nvmlDeviceGetMemoryInfo(device, info))) {
                used = info.used();
                total = info.total();
            }
        }
        int[] celsius = new int[1];
        Integer temperature = read(notRead, "nvmlDeviceGetTemperature",
                nvmlDeviceGetTemperature(device, NVML_TEMPERATURE_GPU, celsius)) ? celsius[0] : null;
        return new DeviceReading(index, deviceName, gpu, memory, encoder, decoder, stats ? sessions[0] : null,
                stats ? fps[0] : null, stats ? latency[0] : null, used, total, temperature, notRead);
    }

    /** True when the call gave its figure; otherwise notes NVML's answer. */
    private static boolean read(List<String> notRead, String call, int code) {
        if (code == NVML_SUCCESS) {
            return true;
        }
        notRead.add(call + ": " + error(code));
        return false;
    }

    private static void check(String call, int code) {
        if (code != NVML_SUCCESS) {
            throw new GpuException(call + " failed: " + error(code) + " (" + code + ")");
        }
    }

    private static String error(int code) {
        return nvmlErrorString(code).getString();
    }

    private static String text(byte[] buffer) {
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Why the bindings did not load, in the loader's words without the cache paths, e.g.
     * "NVML bindings did not load: libjnicudart.so: libcuda.so.1: cannot open shared object file".
     */
    static String loadFailure(Throwable error) {
        Throwable deepest = error;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage() == null ? deepest.toString() : deepest.getMessage();
        Matcher paths = LIBRARY_PATH.matcher(message);
        return "NVML bindings did not load: " + paths.replaceAll("$1");
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            int code = nvmlShutdown();
            if (code != NVML_SUCCESS) {
                throw new GpuException("nvmlShutdown failed: " + error(code) + " (" + code + ")");
            }
        }
    }

    /**
     * Whether the bindings load, found once per process: JavaCPP tries a class's libraries only
     * once, and later uses only say "Could not initialize class", not which library is missing.
     */
    private static final class Library {
        static final String FAILURE = load();

        private static String load() {
            try {
                Loader.load(org.bytedeco.cuda.global.nvml.class);
                return null;
            } catch (LinkageError e) {
                return loadFailure(e);
            }
        }
    }
}
