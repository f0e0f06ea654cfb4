package io.fleetcast.bridge.audio;

import java.util.function.Consumer;

/**
 * Turns a pushed body into 48 kHz stereo float for a {@link PcmSink} as its bytes arrive.
 * The whole units it decoded (PCM sample frames, ADTS frames) go to {@code decoded}, so a
 * relay never hands a listener half a sample or half a frame.
 */
interface BodyDecoder extends AutoCloseable {
    /**
     * Decodes the next {@code length} bytes of the body.
     *
     * @throws AudioRequestException 400 when the body is not what its content type says
     */
    void decode(byte[] bytes, int length, Consumer<byte[]> decoded);

    /** The body has ended: decodes what was held back. */
    void finish(Consumer<byte[]> decoded);

    /** 48 kHz samples given to the sink so far. */
    long samples();

    @Override
    void close();
}
