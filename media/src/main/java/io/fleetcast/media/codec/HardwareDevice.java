package io.fleetcast.media.codec;

import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_CUDA;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_ctx_create;

import io.fleetcast.media.AvCall;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;

/** Owns a reference to an FFmpeg hardware device (a CUDA context) shared by decoder, filters, encoder. */
public final class HardwareDevice implements AutoCloseable {
    private AVBufferRef device;

    private HardwareDevice(AVBufferRef device) {
        this.device = device;
    }

    /** Opens CUDA device {@code index}; throws a MediaException when there is no usable driver or GPU. */
    public static HardwareDevice cuda(int index) {
        AVBufferRef ref = new AVBufferRef(null);
        AvCall.check("av_hwdevice_ctx_create", "cuda:" + index,
                av_hwdevice_ctx_create(ref, AV_HWDEVICE_TYPE_CUDA, Integer.toString(index), null, 0));
        return new HardwareDevice(ref);
    }

    public AVBufferRef av() {
        if (device == null) {
            throw new IllegalStateException("hardware device already released");
        }
        return device;
    }

    @Override
    public void close() {
        if (device != null) {
            av_buffer_unref(device);
            device = null;
        }
    }
}
