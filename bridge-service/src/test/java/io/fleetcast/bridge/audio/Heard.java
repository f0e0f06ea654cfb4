package io.fleetcast.bridge.audio;

import java.time.Duration;
import java.util.Arrays;

/**
 * What a reader of a {@link LiveAudio} heard: it reads 20 ms every 10 ms (like the audio path,
 * never waiting for sound) and keeps the producer's samples in order, with the time of the last
 * read that brought any and the longest a read took.
 */
final class Heard {
    private static final int READ = 960;

    float[] left = new float[0];
    float[] right = new float[0];
    int samples;
    long lastSoundNanos;
    long slowestReadNanos;
    int silentReadsAfterSound;

    /** Reads for {@code duration}, or until {@code enough} samples were heard (0: the whole duration). */
    static Heard listen(LiveAudio live, Duration duration, int enough) throws InterruptedException {
        Heard heard = new Heard();
        float[] l = new float[READ];
        float[] r = new float[READ];
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end && (enough == 0 || heard.samples < enough)) {
            long before = System.nanoTime();
            int fresh = live.read(l, r, READ);
            long after = System.nanoTime();
            heard.slowestReadNanos = Math.max(heard.slowestReadNanos, after - before);
            if (fresh > 0) {
                heard.add(l, r, fresh);
                heard.lastSoundNanos = after;
                heard.silentReadsAfterSound = 0;
            } else if (heard.samples > 0) {
                heard.silentReadsAfterSound++;
            }
            for (int i = fresh; i < READ; i++) {
                if (l[i] != 0 || r[i] != 0) {
                    throw new AssertionError("a read gave sound beyond the producer's share at " + i);
                }
            }
            Thread.sleep(10);
        }
        return heard;
    }

    private void add(float[] l, float[] r, int count) {
        if (samples + count > left.length) {
            left = Arrays.copyOf(left, Math.max(2 * left.length, samples + count));
            right = Arrays.copyOf(right, left.length);
        }
        System.arraycopy(l, 0, left, samples, count);
        System.arraycopy(r, 0, right, samples, count);
        samples += count;
    }
}
