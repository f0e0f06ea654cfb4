package io.fleetcast.control.bench;

import java.nio.ByteBuffer;

/**
 * A WebSocket frame's header (RFC 6455, 5.2) where it starts in a buffer: its first byte (FIN
 * and opcode), its size with the masking key when {@code masked}, and the payload's length.
 */
record FrameHeader(int first, int size, long payload) {
    /** The header at {@code start}, or null until all of it has arrived; {@code masked}: a client's frame. */
    static FrameHeader at(ByteBuffer in, int start, boolean masked) {
        if (in.limit() - start < 2) {
            return null;
        }
        int b1 = in.get(start + 1) & 0x7f;
        int size = (b1 == 126 ? 4 : b1 == 127 ? 10 : 2) + (masked ? 4 : 0);
        if (in.limit() - start < size) {
            return null;
        }
        long payload = b1 == 126 ? in.getShort(start + 2) & 0xffff : b1 == 127 ? in.getLong(start + 2) : b1;
        return new FrameHeader(in.get(start) & 0xff, size, payload);
    }
}
