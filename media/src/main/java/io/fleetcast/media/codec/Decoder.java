package io.fleetcast.media.codec;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_CUDA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.filter.Pull;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;

/**
 * Owns one opened decoder for one stream. {@code thread_count(0)} lets FFmpeg use every core
 * (the default of one thread halves speed). With a {@link HardwareDevice} it asks for CUDA
 * frames, so decoded pictures stay on the GPU.
 */
public final class Decoder implements AutoCloseable {
    /** FF_THREAD_SLICE of avcodec.h (the bindings do not export it). */
    private static final int FF_THREAD_SLICE = 2;

    /**
     * One for the process: JavaCPP backs a callback class with ten native thunks, so an eleventh
     * live instance (a GPU broadcast's eleventh reconnect) would hand FFmpeg a null function.
     */
    private static final CudaFormat CUDA_FORMAT = new CudaFormat();

    private AVCodecContext context;
    private final CudaFormat cudaFormat;

    public Decoder(AVStream stream, HardwareDevice device) {
        this(stream, device, false);
    }

    /**
     * @param lowLatency decode with slice threads only: frame threads hold back one frame per
     *                   thread, which a live picture should not wait for
     */
    public Decoder(AVStream stream, HardwareDevice device, boolean lowLatency) {
        this(stream.codecpar().codec_id(), stream.codecpar(), stream.time_base(), device, lowLatency);
    }

    /**
     * A decoder for the bare packets of {@code codecId} that a {@link StreamParser} splits from
     * a byte stream with no container (AAC in ADTS frames): the packets carry the format.
     */
    public static Decoder forBarePackets(int codecId) {
        return new Decoder(codecId, null, null, null, false);
    }

    private Decoder(int codecId, AVCodecParameters parameters, AVRational timeBase, HardwareDevice device,
                    boolean lowLatency) {
        AVCodec codec = avcodec_find_decoder(codecId);
        if (codec == null || codec.isNull()) {
            throw new MediaException("no decoder for codec " + avcodec_get_name(codecId).getString());
        }
        context = AvCall.allocated("avcodec_alloc_context3", avcodec_alloc_context3(codec));
        cudaFormat = device == null ? null : CUDA_FORMAT;
        try {
            if (parameters != null) {
                AvCall.check("avcodec_parameters_to_context", avcodec_parameters_to_context(context, parameters));
                context.pkt_timebase(timeBase);
            }
            context.thread_count(0);
            if (lowLatency) {
                context.thread_type(FF_THREAD_SLICE);
            }
            if (device != null) {
                context.hw_device_ctx(av_buffer_ref(device.av()));
                context.get_format(cudaFormat);
            }
            AvCall.check("avcodec_open2", codec.name().getString(), avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public AVCodecContext av() {
        return context;
    }

    /** Sends a packet; null flushes. Returns false when the decoder wants its frames read first. */
    public boolean send(Packet packet) {
        int code = avcodec_send_packet(context, packet == null ? null : packet.av());
        if (code == AvCall.AGAIN) {
            return false;
        }
        if (code == AvCall.EOF) {
            return true;
        }
        AvCall.check("avcodec_send_packet", code);
        return true;
    }

    public Pull receive(Frame into) {
        int code = avcodec_receive_frame(context, into.av());
        if (code == AvCall.AGAIN) {
            return Pull.AGAIN;
        }
        if (code == AvCall.EOF) {
            return Pull.END;
        }
        AvCall.check("avcodec_receive_frame", code);
        return Pull.FRAME;
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
    }

    /** Picks CUDA surfaces when the decoder offers them, else FFmpeg's first choice (software). */
    private static final class CudaFormat extends AVCodecContext.Get_format_AVCodecContext_IntPointer {
        @Override
        public int call(AVCodecContext context, IntPointer formats) {
            for (int i = 0; formats.get(i) != AV_PIX_FMT_NONE; i++) {
                if (formats.get(i) == AV_PIX_FMT_CUDA) {
                    return AV_PIX_FMT_CUDA;
                }
            }
            return formats.get(0);
        }
    }
}
