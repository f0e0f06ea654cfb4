package io.fleetcast.bridge.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;

import io.fleetcast.media.Frame;
import io.fleetcast.media.MediaException;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Decoder;
import io.fleetcast.media.codec.StreamParser;
import io.fleetcast.media.filter.Pull;
import java.util.function.Consumer;

/**
 * AAC in ADTS frames: FFmpeg's AAC parser splits the bytes into frames, its decoder decodes
 * them, the {@link Resampler} makes 48 kHz stereo. A body is refused (400) when it does not
 * start with an ADTS header, or when {@value #GIVE_UP_BYTES} bytes in a row give no sound (a
 * single bad frame in a live stream is skipped).
 */
final class AdtsDecoder implements BodyDecoder {
    static final int GIVE_UP_BYTES = 32 * 1024;

    private final StreamParser parser;
    private final Decoder decoder;
    private final Frame decoded;
    private final Resampler resampler;
    private final byte[] start = new byte[2];
    private int startBytes;
    private long bytesWithoutSound;
    private String lastError;
    private long samples;

    AdtsDecoder(PcmSink sink) {
        StreamParser createdParser = new StreamParser(AV_CODEC_ID_AAC);
        Decoder createdDecoder = null;
        Frame createdFrame = null;
        try {
            createdDecoder = Decoder.forBarePackets(AV_CODEC_ID_AAC);
            createdFrame = new Frame();
            resampler = new Resampler(sink);
        } catch (RuntimeException e) {
            if (createdFrame != null) {
                createdFrame.close();
            }
            if (createdDecoder != null) {
                createdDecoder.close();
            }
            createdParser.close();
            throw e;
        }
        parser = createdParser;
        decoder = createdDecoder;
        decoded = createdFrame;
    }

    @Override
    public void decode(byte[] bytes, int length, Consumer<byte[]> units) {
        checkStart(bytes, length);
        bytesWithoutSound += length;
        parser.parse(bytes, 0, length, decoder, packet -> decodePacket(packet, units));
        if (bytesWithoutSound > GIVE_UP_BYTES) {
            throw new AudioRequestException(400, "the body is not decodable AAC ADTS: no sound in "
                    + bytesWithoutSound + " bytes" + (lastError == null ? "" : " (FFmpeg: " + lastError + ")"));
        }
    }

    @Override
    public void finish(Consumer<byte[]> units) {
        parser.flush(decoder, packet -> decodePacket(packet, units));
    }

    @Override
    public long samples() {
        return samples;
    }

    private void checkStart(byte[] bytes, int length) {
        for (int i = 0; i < length && startBytes < start.length; i++) {
            start[startBytes++] = bytes[i];
            if (startBytes == start.length && !((start[0] & 0xFF) == 0xFF && (start[1] & 0xF6) == 0xF0)) {
                throw new AudioRequestException(400, String.format("the body is not AAC ADTS: it must start with"
                        + " an ADTS header (sync word 0xFFF), got 0x%02X 0x%02X"
                        + " (push with ffmpeg ... -c:a aac -f adts -)", start[0] & 0xFF, start[1] & 0xFF));
            }
        }
    }

    private void decodePacket(Packet packet, Consumer<byte[]> units) {
        byte[] unit = new byte[packet.av().size()];
        packet.av().data().get(unit);
        try {
            while (!decoder.send(packet)) {
                if (!drain()) {
                    return;
                }
            }
        } catch (MediaException e) {
            skip(e);
            return;
        }
        if (drain()) {
            units.accept(unit);
        }
    }

    /** Resamples what the decoder has; false when it reported a damaged frame. */
    private boolean drain() {
        while (true) {
            Pull pull;
            try {
                pull = decoder.receive(decoded);
            } catch (MediaException e) {
                skip(e);
                return false;
            }
            if (pull != Pull.FRAME) {
                return true;
            }
            try {
                int written = resampler.push(decoded);
                samples += written;
                if (written > 0) {
                    bytesWithoutSound = 0;
                }
            } finally {
                decoded.unref();
            }
        }
    }

    /** A live stream may carry a damaged frame: it is skipped; GIVE_UP_BYTES without sound end the body. */
    private void skip(MediaException e) {
        lastError = e.getMessage();
    }

    @Override
    public void close() {
        resampler.close();
        decoded.close();
        decoder.close();
        parser.close();
    }
}
