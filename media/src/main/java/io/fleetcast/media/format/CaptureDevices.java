package io.fleetcast.media.format;

import io.fleetcast.media.MediaException;
import org.bytedeco.javacpp.Loader;

/**
 * Makes capture devices (V4L2 cameras) available as inputs. They live in libavdevice, which
 * links system sound and X libraries that a bare machine lacks, so only processes that read
 * a device load it, and a missing library is reported with the packages that provide it.
 */
public final class CaptureDevices {
    private CaptureDevices() {
    }

    public static synchronized void register() {
        try {
            Loader.load(org.bytedeco.ffmpeg.global.avdevice.class);
            org.bytedeco.ffmpeg.global.avdevice.avdevice_register_all();
        } catch (UnsatisfiedLinkError e) {
            throw new MediaException("capture devices need libavdevice, which could not load (" + e.getMessage()
                    + "); install its system libraries: apt-get install -y libpulse0 libasound2 libxcb1 libxcb-shm0", 0, e);
        }
    }
}
