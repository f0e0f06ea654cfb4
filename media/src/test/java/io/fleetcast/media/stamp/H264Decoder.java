package io.fleetcast.media.stamp;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;

/** A bare H.264 decoder for annex-B packets straight from an encoder (no demuxer stream). */
final class H264Decoder implements AutoCloseable {
    private AVCodecContext context;

    H264Decoder() {
        var codec = avcodec_find_decoder(AV_CODEC_ID_H264);
        context = AvCall.allocated("avcodec_alloc_context3", avcodec_alloc_context3(codec));
        AvCall.check("avcodec_open2", avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null));
    }

    /** Decodes one packet; {@code into} holds a picture afterwards when one came out. */
    void decode(Packet packet, Frame into) {
        AvCall.check("avcodec_send_packet", avcodec_send_packet(context, packet.av()));
        int code = avcodec_receive_frame(context, into.av());
        if (code != AvCall.AGAIN) {
            AvCall.check("avcodec_receive_frame", code);
        }
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
    }
}
