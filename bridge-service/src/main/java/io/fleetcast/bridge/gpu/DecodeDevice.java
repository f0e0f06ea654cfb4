package io.fleetcast.bridge.gpu;

import io.fleetcast.media.MediaException;
import io.fleetcast.media.codec.HardwareDevice;
import io.fleetcast.media.codec.ProbeResult;
import io.fleetcast.media.log.FfmpegLog;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns the CUDA device the decoders use, when {@code DECODE} and the GPU allow one, and the
 * {@link VideoPath} that says so (or why not, with FFmpeg's words). Decided once at start.
 */
public final class DecodeDevice implements AutoCloseable {
    private static final Logger LOG = System.getLogger(DecodeDevice.class.getName());

    private final HardwareDevice device;
    private final VideoPath path;

    private DecodeDevice(HardwareDevice device, VideoPath path) {
        this.device = device;
        this.path = path;
    }

    /** @param ffmpegLog where FFmpeg's reasons are captured from (nullable) */
    public static DecodeDevice open(DecodeMode mode, ProbeResult probe, int index, FfmpegLog ffmpegLog) {
        HardwareDevice device = null;
        String failure = null;
        if (mode != DecodeMode.CPU) {
            List<String> messages = new ArrayList<>();
            HardwareDevice[] opened = new HardwareDevice[1];
            try {
                Runnable attempt = () -> opened[0] = HardwareDevice.cuda(index);
                if (ffmpegLog != null) {
                    ffmpegLog.captureInto(messages, attempt);
                } else {
                    attempt.run();
                }
                device = opened[0];
            } catch (MediaException | UnsatisfiedLinkError e) {
                failure = FfmpegLog.withMessages(e.getMessage(), messages);
            }
        }
        try {
            VideoPath path = VideoPath.plan(mode, probe, index, failure);
            LOG.log(Level.INFO, "decode: {0} ({1}); encode: {2}", path.decode(), path.decodeReason(), path.encoder());
            return new DecodeDevice(device, path);
        } catch (RuntimeException e) {
            if (device != null) {
                device.close();
            }
            throw e;
        }
    }

    /** The device for the decoders, or null: decode in memory. */
    public HardwareDevice device() {
        return device;
    }

    public VideoPath path() {
        return path;
    }

    @Override
    public void close() {
        if (device != null) {
            device.close();
        }
    }
}
