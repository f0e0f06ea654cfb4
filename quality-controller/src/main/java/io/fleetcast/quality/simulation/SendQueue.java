package io.fleetcast.quality.simulation;

import java.util.ArrayDeque;

/**
 * The sender's FIFO of frames, drained by the link, with a drop-tail limit. Bytes count as
 * delivered when their whole frame has arrived; a frame dropped half-sent wastes what
 * already went out.
 */
final class SendQueue {

    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private final long limitBytes;
    private double queuedBytes;
    private long deliveredBytes;
    private long lateBytes;
    private long droppedBytes;
    private long lostBytes;

    SendQueue(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** Queues the frame, or loses it when it does not fit (drop-tail); returns whether it fit. */
    boolean offer(Frame frame) {
        if (queuedBytes + frame.remaining > limitBytes) {
            lostBytes += frame.bytes;
            return false;
        }
        frames.addLast(frame);
        queuedBytes += frame.remaining;
        return true;
    }

    /**
     * Drops the head while it is older than {@code maxAgeMs}, and with it every queued frame
     * that predicts from it (up to the next keyframe): the receiver could not decode them.
     *
     * @return whether anything was dropped (the encoder then owes a keyframe)
     */
    boolean dropStale(long nowMs, long maxAgeMs) {
        boolean dropped = false;
        while (!frames.isEmpty() && nowMs - frames.peekFirst().createdMs > maxAgeMs) {
            drop(frames.pollFirst());
            while (!frames.isEmpty() && !frames.peekFirst().keyframe) {
                drop(frames.pollFirst());
            }
            dropped = true;
        }
        return dropped;
    }

    /**
     * Sends up to {@code budgetBytes} during millisecond {@code nowMs}; returns the bytes that
     * left (what the receiver acks). A frame whose last byte leaves more than
     * {@code lateMs} after it was queued is delivered late.
     */
    double deliver(double budgetBytes, long nowMs, long lateMs) {
        double sent = 0;
        while (budgetBytes > 0 && !frames.isEmpty()) {
            Frame head = frames.peekFirst();
            double chunk = Math.min(budgetBytes, head.remaining);
            head.remaining -= chunk;
            budgetBytes -= chunk;
            sent += chunk;
            if (head.remaining <= 1e-9) {
                frames.pollFirst();
                deliveredBytes += head.bytes;
                if (nowMs - head.createdMs > lateMs) {
                    lateBytes += head.bytes;
                }
            }
        }
        queuedBytes = Math.max(0, queuedBytes - sent);
        if (frames.isEmpty()) {
            queuedBytes = 0;
        }
        return sent;
    }

    /** How long the oldest queued byte has waited; 0 when empty. */
    long headAgeMs(long nowMs) {
        return frames.isEmpty() ? 0 : nowMs - frames.peekFirst().createdMs;
    }

    long queuedBytes() {
        return (long) Math.ceil(queuedBytes);
    }

    long deliveredBytes() {
        return deliveredBytes;
    }

    long lateBytes() {
        return lateBytes;
    }

    long droppedBytes() {
        return droppedBytes;
    }

    long lostBytes() {
        return lostBytes;
    }

    private void drop(Frame frame) {
        queuedBytes = Math.max(0, queuedBytes - frame.remaining);
        droppedBytes += frame.bytes;
    }
}
