package io.fleetcast.bridge.broadcast;

import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;

import io.fleetcast.media.Frame;
import io.fleetcast.media.Packet;
import io.fleetcast.media.codec.Encoder;
import io.fleetcast.media.filter.Pull;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One rung's encoder on its own thread, fed scaled frames through a small queue, so the
 * rungs encode in parallel while the ingest thread decodes and scales once for all.
 */
final class RungEncoder implements AutoCloseable {
    private record Item(Frame frame) { }

    private static final Item END = new Item(null);

    private final Encoder encoder;
    private final StreamDescription stream;
    private final KeyframeClock keyframes;
    private final Distribution distribution;
    private final BlockingQueue<Item> queue;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;
    private boolean finished;

    RungEncoder(Encoder encoder, StreamDescription stream, KeyframeClock keyframes, Distribution distribution,
                int queueCapacity) {
        this.encoder = encoder;
        this.stream = stream;
        this.keyframes = keyframes;
        this.distribution = distribution;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = Thread.ofPlatform().name("bridge-encode-" + stream.rung().name()).start(this::run);
    }

    boolean hasRoom() {
        return queue.remainingCapacity() > 0;
    }

    /** Hands a frame over (blocking while the queue is full); the encoder thread closes it. */
    void put(Frame frame) throws InterruptedException {
        throwIfFailed();
        queue.put(new Item(frame));
    }

    void throwIfFailed() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Drains the encoder and waits for its last packet to be handed on. */
    void finish() throws InterruptedException {
        if (!finished) {
            finished = true;
            queue.put(END);
            thread.join();
        }
    }

    private void run() {
        try (Packet packet = new Packet()) {
            while (true) {
                Item item = queue.take();
                if (item == END) {
                    encoder.send(null);
                    drain(packet);
                    return;
                }
                try (Frame frame = item.frame()) {
                    // Decoded frames carry the source's picture types; only our clock decides.
                    boolean key = keyframes.isKeyframe(frame.av().pts());
                    frame.av().pict_type(key ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
                    while (!encoder.send(frame)) {
                        drain(packet);
                    }
                }
                drain(packet);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.set(e);
            discardQueued();
        }
    }

    private void drain(Packet packet) {
        while (encoder.receive(packet) == Pull.FRAME) {
            distribution.write(stream, packet.moveOut());
        }
    }

    private void discardQueued() {
        Item item;
        while ((item = queue.poll()) != null) {
            if (item.frame() != null) {
                item.frame().close();
            }
        }
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        discardQueued();
    }
}
