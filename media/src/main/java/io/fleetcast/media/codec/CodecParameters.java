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
