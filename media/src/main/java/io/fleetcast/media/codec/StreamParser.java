package io.fleetcast.media.codec;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_parser_close;
import static org.bytedeco.ffmpeg.global.avcodec.av_parser_init;
import static org.bytedeco.ffmpeg.global.avcodec.av_parser_parse2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import io.fleetcast.media.AvCall;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodecParserContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Owns one AVCodecParserContext and the padded native buffer it reads from: splits a bare
 * byte stream of one codec (AAC in ADTS frames, MP3) into the packets a {@link Decoder} takes,
 * as FFmpeg's decode_audio.c does. The bytes may arrive in pieces of any size (a network
 * body). Used from one thread.
 */
public final class StreamParser implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;

    private final String codecName;
    private AVCodecParserContext parser;
    private BytePointer input;
    private PointerPointer<BytePointer> output;
    private IntPointer outputSize;
    private Packet packet;

    public StreamParser(int codecId) {
        codecName = avcodec_get_name(codecId).getString();
        parser = av_parser_init(codecId);
        if (parser == null || parser.isNull()) {
            parser = null;
            throw new MediaException("no parser for codec " + codecName + " in this FFmpeg build");
        }
        try {
            // FFmpeg may read up to AV_INPUT_BUFFER_PADDING_SIZE bytes past the data: they must be zero.
            input = new BytePointer(CHUNK + AV_INPUT_BUFFER_PADDING_SIZE);
            input.fill(0);
            output = new PointerPointer<>(1);
            outputSize = new IntPointer(1);
            packet = new Packet();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Splits the next {@code length} bytes of the stream; each complete packet goes to
     * {@code onPacket}, valid only during that call (its data lives in the parser).
     */
    public void parse(byte[] bytes, int offset, int length, Decoder decoder, Consumer<Packet> onPacket) {
        for (int done = 0; done < length; ) {
            int slice = Math.min(CHUNK, length - done);
            input.position(0).put(bytes, offset + done, slice);
            split(slice, decoder, onPacket);
            done += slice;
        }
    }

    /** At the end of the stream: hands over the packet the parser still holds. */
    public void flush(Decoder decoder, Consumer<Packet> onPacket) {
        split(0, decoder, onPacket);
    }

    private void split(int length, Decoder decoder, Consumer<Packet> onPacket) {
        int at = 0;
        do {
            int used = AvCall.check("av_parser_parse2", codecName, av_parser_parse2(parser, decoder.av(), output,
                    outputSize, input.position(at), length - at, AV_NOPTS_VALUE, AV_NOPTS_VALUE, 0));
            at += used;
            int size = outputSize.get();
            if (size > 0) {
                packet.av().data(output.get(BytePointer.class, 0)).size(size);
                try {
                    onPacket.accept(packet);
                } finally {
                    packet.av().data(null).size(0);
                    packet.unref();
                }
            } else if (used == 0) {
                break;
            }
        } while (at < length);
        input.position(0);
    }

    @Override
    public void close() {
        if (packet != null) {
            packet.close();
            packet = null;
        }
        if (outputSize != null) {
            outputSize.close();
            outputSize = null;
        }
        if (output != null) {
            output.close();
            output = null;
        }
        if (input != null) {
            input.close();
            input = null;
        }
        if (parser != null) {
            av_parser_close(parser);
            parser = null;
        }
    }
}
