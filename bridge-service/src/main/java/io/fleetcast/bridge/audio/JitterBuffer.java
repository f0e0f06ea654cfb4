package io.fleetcast.bridge.audio;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The bounded buffer between a live producer (written in real time by the ingest side) and
 * the audio path (reading at the pace of the broadcast clock), 48 kHz stereo float. The rule:
 * <ul>
 * <li>reads take the oldest samples; what the buffer lacks is silence (an underrun), after
 *     which it waits until it holds {@code prime} again before playing, so network jitter costs
 *     one gap rather than a crackle on every late packet;</li>
 * <li>once nothing has been written for more than {@code staleAfter} (at most 1 s), what is
 *     left is dropped and reads are silence until the producer writes again: a producer that
 *     stops is silent at the latest {@code staleAfter} after its last write;</li>
 * <li>it holds at most {@code capacity}: a producer faster than the reader loses its oldest
 *     samples (latency never grows past capacity).</li>
 * </ul>
 * One producer thread and one reader thread; the ring is guarded by this object's lock,
 * held only to copy samples.
 */
public final class JitterBuffer implements LiveAudio, PcmSink {
    public static final Duration DEFAULT_CAPACITY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_PRIME = Duration.ofMillis(100);

    private final float[] left;
    private final float[] right;
    private final int prime;
    private final long staleNanos;
    private final LongSupplier nanoClock;
    private int head;
    private int size;
    private boolean playing;
    private boolean written;
    private long lastWrite;
    private long droppedSamples;

    public JitterBuffer(Duration staleAfter) {
        this(DEFAULT_CAPACITY, DEFAULT_PRIME, staleAfter, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds (System::nanoTime; a fake one in tests) */
    public JitterBuffer(Duration capacity, Duration prime, Duration staleAfter, LongSupplier nanoClock) {
        int samples = samples(capacity);
        if (samples <= 0 || prime.isNegative() || samples(prime) > samples) {
            throw new IllegalArgumentException("jitter buffer needs 0 <= prime <= capacity and a capacity, got prime "
                    + prime + ", capacity " + capacity);
        }
        if (staleAfter.isNegative() || staleAfter.isZero() || staleAfter.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("stale time must be in (0, 1 s], got " + staleAfter);
        }
        this.left = new float[samples];
        this.right = new float[samples];
        this.prime = samples(prime);
        this.staleNanos = staleAfter.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void write(float[] fromLeft, float[] fromRight, int samples) {
        int capacity = left.length;
        int skip = Math.max(0, samples - capacity);
        int count = samples - skip;
        int overflow = Math.max(0, size + count - capacity);
        head = (head + overflow) % capacity;
        size -= overflow;
        droppedSamples += skip + overflow;
        int tail = (head + size) % capacity;
        int first = Math.min(count, capacity - tail);
        System.arraycopy(fromLeft, skip, left, tail, first);
        System.arraycopy(fromRight, skip, right, tail, first);
        System.arraycopy(fromLeft, skip + first, left, 0, count - first);
        System.arraycopy(fromRight, skip + first, right, 0, count - first);
        size += count;
        written = true;
        lastWrite = nanoClock.getAsLong();
    }

    @Override
    public synchronized int read(float[] toLeft, float[] toRight, int samples) {
        if (written && nanoClock.getAsLong() - lastWrite > staleNanos) {
            droppedSamples += size;
            size = 0;
            playing = false;
            written = false;
        }
        if (!playing && size > 0 && size >= prime) {
            playing = true;
        }
        int taken = playing ? Math.min(size, samples) : 0;
        int capacity = left.length;
        int first = Math.min(taken, capacity - head);
        System.arraycopy(left, head, toLeft, 0, first);
        System.arraycopy(right, head, toRight, 0, first);
        System.arraycopy(left, 0, toLeft, first, taken - first);
        System.arraycopy(right, 0, toRight, first, taken - first);
        java.util.Arrays.fill(toLeft, taken, samples, 0f);
        java.util.Arrays.fill(toRight, taken, samples, 0f);
        head = (head + taken) % capacity;
        size -= taken;
        if (taken < samples) {
            playing = false;
        }
        return taken;
    }

    /** Samples lost so far: overflow (producer ahead of the reader) and stale leftovers. */
    public synchronized long droppedSamples() {
        return droppedSamples;
    }

    /** Samples waiting to be read. */
    public synchronized int buffered() {
        return size;
    }

    @Override
    public void close() {
        // Nothing to release: the producer and the reader own their threads.
    }

    static int samples(Duration duration) {
        return (int) (duration.toNanos() * SAMPLE_RATE / 1_000_000_000L);
    }
}
