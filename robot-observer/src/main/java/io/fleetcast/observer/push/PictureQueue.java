package io.fleetcast.observer.push;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pictures waiting for the uplink, between the encoder's thread (which offers) and the
 * publisher's (which takes). A picture older than {@code maxAge} is stale for a live robot:
 * it is dropped with the rest of its group of pictures and a keyframe is asked for, so the
 * stream resumes at once instead of falling further behind. Bounded whatever the uplink does.
 */
final class PictureQueue {
    /** About 10 s of pictures. */
    private static final int MAX_QUEUED = 300;

    private final long maxAgeMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<EncodedPacket> queue = new ArrayDeque<>();
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private boolean closed;

    PictureQueue(long maxAgeMillis) {
        this.maxAgeMillis = maxAgeMillis;
    }

    /** Takes ownership of {@code packet}. */
    void offer(EncodedPacket packet) {
        lock.lock();
        try {
            if (closed) {
                packet.close();
                return;
            }
            queue.addLast(packet);
            queuedBytes.addAndGet(packet.size());
            if (queue.size() > MAX_QUEUED) {
                dropGroup();
            }
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next picture, after dropping stale groups; null after 100 ms without one. */
    EncodedPacket take() {
        lock.lock();
        try {
            dropStale();
            if (queue.isEmpty() && !awaitArrival()) {
                return null;
            }
            dropStale();
            return queue.isEmpty() ? null : poll();
        } finally {
            lock.unlock();
        }
    }

    /** A keyframe to start a session with (what comes before it is dropped); null after 100 ms. */
    EncodedPacket keyframe() {
        lock.lock();
        try {
            for (int round = 0; round < 2; round++) {
                while (!queue.isEmpty() && !queue.peekFirst().key()) {
                    dropOne();
                    keyframeWanted.set(true);
                }
                if (!queue.isEmpty()) {
                    return poll();
                }
                if (round == 0) {
                    awaitArrival();
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Drops the pictures that have grown stale while nothing could be sent. */
    void dropStale() {
        lock.lock();
        try {
            if (!queue.isEmpty() && System.currentTimeMillis() - queue.peekFirst().composedMillis() > maxAgeMillis) {
                dropGroup();
            }
        } finally {
            lock.unlock();
        }
    }

    /** True once after pictures were dropped: the encoder should send a keyframe. */
    boolean takeKeyframeRequest() {
        return keyframeWanted.getAndSet(false);
    }

    void requestKeyframe() {
        keyframeWanted.set(true);
    }

    /** How long the oldest waiting picture has waited (ms); 0 when none waits. */
    long oldestWaitMillis() {
        lock.lock();
        try {
            return queue.isEmpty() ? 0 : System.currentTimeMillis() - queue.peekFirst().composedMillis();
        } finally {
            lock.unlock();
        }
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    long dropped() {
        return dropped.get();
    }

    /** Wakes a waiting taker, frees every picture; later offers are freed at once. */
    void close() {
        lock.lock();
        try {
            closed = true;
            while (!queue.isEmpty()) {
                queue.pollFirst().close();
            }
            queuedBytes.set(0);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the picture at the head and the rest of its group, up to the next fresh keyframe. */
    private void dropGroup() {
        dropOne();
        long now = System.currentTimeMillis();
        while (!queue.isEmpty() && (!queue.peekFirst().key() || now - queue.peekFirst().composedMillis() > maxAgeMillis)) {
            dropOne();
        }
        keyframeWanted.set(true);
    }

    private void dropOne() {
        EncodedPacket packet = queue.pollFirst();
        if (packet != null) {
            queuedBytes.addAndGet(-packet.size());
            dropped.incrementAndGet();
            packet.close();
        }
    }

    private EncodedPacket poll() {
        EncodedPacket packet = queue.pollFirst();
        queuedBytes.addAndGet(-packet.size());
        return packet;
    }

    private boolean awaitArrival() {
        try {
            arrived.await(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !queue.isEmpty();
    }
}
