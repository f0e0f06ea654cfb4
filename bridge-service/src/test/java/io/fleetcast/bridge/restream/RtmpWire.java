package io.fleetcast.bridge.restream;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The two pieces of RTMP a test server needs: reading chunked messages, and AMF0 values. */
final class RtmpWire {
    private RtmpWire() {
    }

    /** Reassembles RTMP messages from chunks (formats 0-3, extended timestamps, the peer's chunk size). */
    static final class ChunkReader {
        record Message(int type, byte[] payload) { }

        private static final class Chunk {
            int length;
            int type;
            boolean extended;
            byte[] buffer;
            int filled;
        }

        private final DataInputStream in;
        private final Map<Integer, Chunk> chunks = new HashMap<>();
        private int chunkSize = 128;

        ChunkReader(DataInputStream in) {
            this.in = in;
        }

        Message next() throws IOException {
            while (true) {
                int basic = in.readUnsignedByte();
                int format = basic >> 6;
                int csid = basic & 0x3F;
                if (csid == 0) {
                    csid = 64 + in.readUnsignedByte();
                } else if (csid == 1) {
                    csid = 64 + in.readUnsignedByte() + 256 * in.readUnsignedByte();
                }
                Chunk chunk = chunks.computeIfAbsent(csid, id -> new Chunk());
                if (format <= 2) {
                    int timestamp = read24();
                    if (format <= 1) {
                        chunk.length = read24();
                        chunk.type = in.readUnsignedByte();
                        if (format == 0) {
                            in.readInt();
                        }
                    }
                    chunk.extended = timestamp == 0xFFFFFF;
                }
                if (chunk.extended) {
                    in.readInt();
                }
                if (chunk.buffer == null) {
                    chunk.buffer = new byte[chunk.length];
                    chunk.filled = 0;
                }
                int size = Math.min(chunkSize, chunk.length - chunk.filled);
                in.readFully(chunk.buffer, chunk.filled, size);
                chunk.filled += size;
                if (chunk.filled == chunk.length) {
                    byte[] payload = chunk.buffer;
                    chunk.buffer = null;
                    if (chunk.type == 1) {
                        chunkSize = ByteBuffer.wrap(payload).getInt() & 0x7FFFFFFF;
                    }
                    return new Message(chunk.type, payload);
                }
            }
        }

        private int read24() throws IOException {
            return in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
        }
    }

    /** The AMF0 values the exchange needs: strings, numbers, null and flat objects. */
    static final class Amf {
        static byte[] encode(Object... values) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object value : values) {
                write(out, value);
            }
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object value) {
            switch (value) {
                case null -> out.write(5);
                case String text -> {
                    out.write(2);
                    writeName(out, text);
                }
                case Double number -> {
                    out.write(0);
                    out.writeBytes(ByteBuffer.allocate(8).putDouble(number).array());
                }
                case Map<?, ?> object -> {
                    out.write(3);
                    object.forEach((key, item) -> {
                        writeName(out, (String) key);
                        write(out, item);
                    });
                    out.writeBytes(new byte[] {0, 0, 9});
                }
                default -> throw new IllegalArgumentException("no AMF0 form for " + value);
            }
        }

        private static void writeName(ByteArrayOutputStream out, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes.length >> 8);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }

        static String readString(ByteBuffer in) {
            if (in.get() != 2) {
                throw new IllegalArgumentException("expected an AMF0 string");
            }
            byte[] bytes = new byte[in.getShort() & 0xFFFF];
            in.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static double readNumber(ByteBuffer in) {
            if (in.get() != 0) {
                throw new IllegalArgumentException("expected an AMF0 number");
            }
            return in.getDouble();
        }
    }
}
