package io.fleetcast.media.stamp;

import java.util.OptionalLong;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * A capture time written into the picture itself, so latency can be read glass to glass from
 * any decoded copy (the observer's push, the bridge's ladder, an HLS segment). 64 black or
 * white blocks along the top edge: 4 sync bits {@code 1010}, 48 bits of epoch milliseconds
 * and a 12-bit check, big-endian. Blocks are a 64th of the width wide, so the strip survives
 * scaling to any rung down to 360p and H.264 at low bitrates; the reader samples the middle
 * of each block and rejects a strip whose sync or check does not match.
 */
public final class TimeStrip {
    public static final int BLOCKS = 64;
    private static final int SYNC = 0b1010;
    private static final long MILLIS_MASK = (1L << 48) - 1;
    private static final int WHITE = 235;
    private static final int BLACK = 16;

    private TimeStrip() {
    }

    /** Strip height for a picture of {@code height} rows: tall enough to survive downscaling. */
    public static int height(int height) {
        return Math.max(8, (height / 40) & ~1);
    }

    /** The 64 bits the strip carries for {@code epochMillis}. */
    public static long bits(long epochMillis) {
        long millis = epochMillis & MILLIS_MASK;
        return ((long) SYNC << 60) | (millis << 12) | check(millis);
    }

    /** Decodes the 64 bits; empty when the sync or check does not match. */
    public static OptionalLong millis(long bits) {
        if ((int) (bits >>> 60) != SYNC) {
            return OptionalLong.empty();
        }
        long millis = (bits >>> 12) & MILLIS_MASK;
        return (bits & 0xFFF) == check(millis) ? OptionalLong.of(millis) : OptionalLong.empty();
    }

    /**
     * Writes the strip for {@code epochMillis} across the top of a planar YUV 4:2:0 frame
     * (luma blocks, neutral chroma under them). The frame must be writable.
     */
    public static void stamp(AVFrame frame, long epochMillis) {
        int width = frame.width();
        int rows = height(frame.height());
        long bits = bits(epochMillis);
        BytePointer luma = frame.data(0);
        int stride = frame.linesize(0);
        byte[] row = new byte[width];
        for (int block = 0; block < BLOCKS; block++) {
            byte value = (byte) (((bits >>> (63 - block)) & 1) != 0 ? WHITE : BLACK);
            for (int x = block * width / BLOCKS; x < (block + 1) * width / BLOCKS; x++) {
                row[x] = value;
            }
        }
        for (int y = 0; y < rows; y++) {
            luma.position((long) y * stride).put(row, 0, width);
        }
        byte[] neutral = new byte[(width + 1) / 2];
        java.util.Arrays.fill(neutral, (byte) 128);
        for (int plane = 1; plane <= 2; plane++) {
            BytePointer chroma = frame.data(plane);
            for (int y = 0; y < (rows + 1) / 2; y++) {
                chroma.position((long) y * frame.linesize(plane)).put(neutral, 0, neutral.length);
            }
        }
        luma.position(0);
    }

    /** Reads the strip from the top of a decoded frame (any format whose plane 0 is 8-bit luma). */
    public static OptionalLong read(AVFrame frame) {
        return read(frame, 0, 0, frame.width(), frame.height());
    }

    /** Reads the strip at the top of the region {@code (x, y, width, height)} (a tile of a mosaic). */
    public static OptionalLong read(AVFrame frame, int x, int y, int width, int height) {
        BytePointer luma = frame.data(0);
        int stride = frame.linesize(0);
        int rows = height(height);
        int middleRow = y + rows / 2;
        long bits = 0;
        for (int block = 0; block < BLOCKS; block++) {
            int middle = x + (2 * block + 1) * width / (2 * BLOCKS);
            int sum = 0;
            int samples = 0;
            for (int dy = -rows / 4; dy <= rows / 4; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    sum += luma.get((long) (middleRow + dy) * stride + middle + dx) & 0xFF;
                    samples++;
                }
            }
            bits = (bits << 1) | (sum / samples > (WHITE + BLACK) / 2 ? 1 : 0);
        }
        return millis(bits);
    }

    private static long check(long millis) {
        return ((millis * 0x9E3779B97F4A7C15L) >>> 52) & 0xFFF;
    }
}
