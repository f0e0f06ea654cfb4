package io.fleetcast.observer.scene;

import io.fleetcast.media.stamp.TimeStrip;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * What a decoded picture of the {@link SyntheticScene} tells, read back wherever it ends up
 * (the gateway, an HLS rung): its capture time from the strip and where the robot marker is.
 * For tests and benchmarks that measure latency or see the robot move.
 *
 * @param captureMillis the capture time (epoch ms) from the strip, or -1 when it cannot be read
 * @param markerX       the marker's centre as a fraction of the width, NaN when not seen
 * @param markerY       the same, of the height
 */
public record SceneReading(long captureMillis, double markerX, double markerY) {
    private static final int BRIGHT = 200;
    private static final int MIN_SAMPLES = 20;

    /** Reads an 8-bit YUV picture (luma plane only; every other row and column of the arena). */
    public static SceneReading of(AVFrame picture) {
        int width = picture.width();
        int height = picture.height();
        BytePointer luma = picture.data(0);
        int stride = picture.linesize(0);
        long sumX = 0;
        long sumY = 0;
        long count = 0;
        int bottom = height - SyntheticScene.bandHeight(height) - 2;
        for (int y = TimeStrip.height(height) + 2; y < bottom; y += 2) {
            for (int x = 0; x < width; x += 2) {
                if ((luma.get((long) y * stride + x) & 0xFF) > BRIGHT) {
                    sumX += x;
                    sumY += y;
                    count++;
                }
            }
        }
        boolean seen = count >= MIN_SAMPLES;
        return new SceneReading(TimeStrip.read(picture).orElse(-1),
                seen ? (double) sumX / count / width : Double.NaN, seen ? (double) sumY / count / height : Double.NaN);
    }

    public boolean hasCapture() {
        return captureMillis >= 0;
    }
}
