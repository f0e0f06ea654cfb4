package io.fleetcast.bridge.audio;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Raw PCM s16le, 48 kHz, stereo interleaved: every byte sequence is valid, so the only thing
 * to watch is a sample frame (4 bytes) split across two reads.
 */
final class PcmDecoder implements BodyDecoder {
    private static final int FRAME_BYTES = 4;

    private final PcmSink sink;
    private final byte[] carry = new byte[FRAME_BYTES];
    private int carried;
    private float[] left = new float[0];
    private float[] right = new float[0];
    private long samples;

    PcmDecoder(PcmSink sink) {
        this.sink = sink;
    }

    @Override
    public void decode(byte[] bytes, int length, Consumer<byte[]> decoded) {
        int total = carried + length;
        int frames = total / FRAME_BYTES;
        if (frames == 0) {
            System.arraycopy(bytes, 0, carry, carried, length);
            carried = total;
            return;
        }
        byte[] whole = new byte[frames * FRAME_BYTES];
        System.arraycopy(carry, 0, whole, 0, carried);
        System.arraycopy(bytes, 0, whole, carried, whole.length - carried);
        int rest = total - whole.length;
        System.arraycopy(bytes, length - rest, carry, 0, rest);
        carried = rest;
        if (left.length < frames) {
            left = new float[frames];
            right = new float[frames];
        }
        for (int i = 0; i < frames; i++) {
            left[i] = sample(whole, i * FRAME_BYTES);
            right[i] = sample(whole, i * FRAME_BYTES + 2);
        }
        sink.write(left, right, frames);
        samples += frames;
        decoded.accept(whole);
    }

    @Override
    public void finish(Consumer<byte[]> decoded) {
        // A trailing partial sample frame is no sound: dropped.
        Arrays.fill(carry, (byte) 0);
        carried = 0;
    }

    @Override
    public long samples() {
        return samples;
    }

    @Override
    public void close() {
        // Java arrays only.
    }

    private static float sample(byte[] bytes, int at) {
        return (short) ((bytes[at] & 0xFF) | (bytes[at + 1] << 8)) / 32768f;
    }
}
