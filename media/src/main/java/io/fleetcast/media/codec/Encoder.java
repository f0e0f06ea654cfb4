package io.fleetcast.media.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Options;
import io.fleetcast.media.Packet;
import io.fleetcast.media.Rational;
import io.fleetcast.media.filter.Pull;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;

/**
 * Owns one opened encoder. The options it was opened with and did not use are kept in
 * {@link #unusedOptions()}, so a misspelt option is reported instead of silently ignored.
 */
public final class Encoder implements AutoCloseable {
    private AVCodecContext context;
    private final String name;
    private final Map<String, String> unused;

    private Encoder(String name, AVCodecContext context, Options options) {
        this.name = name;
        this.context = context;
        AVCodec codec = context.codec();
        AvCall.check("avcodec_open2", name, avcodec_open2(context, codec, options.av()));
        this.unused = Map.copyOf(options.remaining());
    }

    /** Opens a video encoder; {@code hardwareFrames} (nullable) makes it take GPU frames. */
    public static Encoder video(VideoEncoderSettings settings, AVBufferRef hardwareFrames) {
        AVCodecContext context = allocate(settings.codec());
        try (Options options = new Options(settings.options())) {
            context.width(settings.width());
            context.height(settings.height());
            context.pix_fmt(settings.pixelFormat());
            context.time_base(settings.timeBase().av());
            if (settings.frameRate() != null && settings.frameRate().num() > 0) {
                context.framerate(settings.frameRate().av());
            }
            context.sample_aspect_ratio(av_make_q(1, 1));
            context.bit_rate(settings.bitRate());
            context.rc_max_rate(settings.maxRate());
            context.rc_buffer_size((int) settings.bufferSize());
            context.gop_size(settings.gopFrames());
            context.keyint_min(settings.gopFrames());
            context.thread_count(settings.threads());
            if (settings.globalHeader()) {
                context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            if (hardwareFrames != null) {
                context.hw_frames_ctx(av_buffer_ref(hardwareFrames));
            }
            return new Encoder(settings.codec(), context, options);
        } catch (RuntimeException e) {
            avcodec_free_context(context);
            throw e;
        }
    }

    public static Encoder audio(AudioEncoderSettings settings) {
        AVCodecContext context = allocate(settings.codec());
        try (Options options = new Options(settings.options())) {
            context.sample_rate(settings.sampleRate());
            av_channel_layout_default(context.ch_layout(), settings.channels());
            context.sample_fmt(settings.sampleFormat());
            context.bit_rate(settings.bitRate());
            context.time_base(av_make_q(1, settings.sampleRate()));
            context.thread_count(0);
            if (settings.globalHeader()) {
                context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            return new Encoder(settings.codec(), context, options);
        } catch (RuntimeException e) {
            avcodec_free_context(context);
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** Options the encoder was given but did not recognise. */
    public Map<String, String> unusedOptions() {
        return unused;
    }

    public Rational timeBase() {
        return Rational.of(av().time_base());
    }

    /** Samples per audio frame the encoder needs (0 for video or any size). */
    public int frameSize() {
        return av().frame_size();
    }

    public AVCodecContext av() {
        if (context == null) {
            throw new IllegalStateException("encoder " + name + " already closed");
        }
        return context;
    }

    public void copyParametersTo(AVCodecParameters parameters) {
        AvCall.check("avcodec_parameters_from_context", name, avcodec_parameters_from_context(parameters, av()));
    }

    /** Sends a frame; null starts draining. Returns false when packets must be read first. */
    public boolean send(Frame frame) {
        int code = avcodec_send_frame(av(), frame == null ? null : frame.av());
        if (code == AvCall.AGAIN) {
            return false;
        }
        if (code == AvCall.EOF && frame == null) {
            return true;
        }
        AvCall.check("avcodec_send_frame", name, code);
        return true;
    }

    public Pull receive(Packet into) {
        int code = avcodec_receive_packet(av(), into.av());
        if (code == AvCall.AGAIN) {
            return Pull.AGAIN;
        }
        if (code == AvCall.EOF) {
            return Pull.END;
        }
        AvCall.check("avcodec_receive_packet", name, code);
        return Pull.FRAME;
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
    }

    private static AVCodecContext allocate(String codecName) {
        AVCodec codec = avcodec_find_encoder_by_name(codecName);
        if (codec == null || codec.isNull()) {
            throw new MediaException("encoder " + codecName + " is not in this FFmpeg build");
        }
        return AvCall.allocated("avcodec_alloc_context3", avcodec_alloc_context3(codec));
    }
}
