package io.fleetcast.media.codec;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_free;

import io.fleetcast.media.AvCall;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;

/** Owns a snapshot of a stream's codec parameters, so muxers can be opened without the encoder. */
public final class CodecParameters implements AutoCloseable {
    private AVCodecParameters parameters;

    public CodecParameters(Encoder encoder) {
        parameters = AvCall.allocated("avcodec_parameters_alloc", avcodec_parameters_alloc());
        try {
            encoder.copyParametersTo(parameters);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private CodecParameters() {
        parameters = AvCall.allocated("avcodec_parameters_alloc", avcodec_parameters_alloc());
    }

    /** H.264 video of {@code width x height} with parameter sets {@code extradata} (may be empty). */
    public static CodecParameters h264(int width, int height, byte[] extradata) {
        CodecParameters created = new CodecParameters();
        AVCodecParameters p = created.parameters;
        p.codec_type(org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO);
        p.codec_id(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264);
        p.width(width);
        p.height(height);
        p.format(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
        if (extradata.length > 0) {
            var bytes = org.bytedeco.ffmpeg.global.avutil.av_mallocz(
                    extradata.length + org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE);
            if (bytes == null || bytes.isNull()) {
                created.close();
                throw new io.fleetcast.media.MediaException("av_mallocz(extradata) returned no memory");
            }
            new org.bytedeco.javacpp.BytePointer(bytes).put(extradata);
            p.extradata(new org.bytedeco.javacpp.BytePointer(bytes));
            p.extradata_size(extradata.length);
        }
        return created;
    }

    public AVCodecParameters av() {
        if (parameters == null) {
            throw new IllegalStateException("codec parameters already freed");
        }
        return parameters;
    }

    @Override
    public void close() {
        if (parameters != null) {
            avcodec_parameters_free(parameters);
            parameters = null;
        }
    }
}
