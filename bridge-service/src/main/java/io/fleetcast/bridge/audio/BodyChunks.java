package io.fleetcast.bridge.audio;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read with a timeout (java.net.http's InputStream has none, so a stalled
 * remote would hang its reader): one list of buffers is asked for at a time, the next once
 * the reader took the last.
 */
final class BodyChunks implements Flow.Subscriber<List<ByteBuffer>> {
    private static final List<ByteBuffer> END = List.of();

    private final BlockingQueue<List<ByteBuffer>> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile Throwable failure;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (cancelled) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        queue.add(buffers);
    }

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
        queue.add(END);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    /**
     * The next buffers of the body; an empty list at its end (or once cancelled), null when
     * nothing came within {@code timeout}.
     *
     * @throws java.io.IOException when the body failed
     */
    List<ByteBuffer> next(Duration timeout) throws InterruptedException, java.io.IOException {
        List<ByteBuffer> buffers = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (buffers == END) {
            queue.add(END);
            if (failure != null && !cancelled) {
                throw new java.io.IOException("reading the body failed: " + failure.getMessage(), failure);
            }
        } else if (buffers != null) {
            subscription.request(1);
        }
        return buffers;
    }

    /** Stops the body (from any thread); a waiting {@link #next} returns the end. */
    void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        queue.add(END);
    }
}
