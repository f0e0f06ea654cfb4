package io.fleetcast.control.relay;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Cross-instance delivery through Redis pub/sub: whatever one instance publishes reaches every
 * instance that holds a socket interested in that channel.
 */
public final class Relay implements AutoCloseable {

    private final Subscriber[] subscribers;
    private final Publisher publisher;
    private final AtomicBoolean closed = new AtomicBoolean();

    public Relay(RedisAddress redis, Delivery delivery) {
        this(redis, delivery, nanos -> { }, 1);
    }

    /**
     * @param published told, per message, the nanoseconds from {@link #publish} to Redis's answer
     * @param subscribers pub/sub connections, each with its own delivering thread; every channel
     *     of one robot is on the same one, so what reaches a robot's sockets stays in order
     */
    public Relay(RedisAddress redis, Delivery delivery, LongConsumer published, int subscribers) {
        this.subscribers = new Subscriber[Math.max(1, subscribers)];
        for (int i = 0; i < this.subscribers.length; i++) {
            this.subscribers[i] = new Subscriber(redis, delivery);
        }
        this.publisher = new Publisher(redis, published);
    }

    public void publish(String channel, String payload) {
        publisher.publish(channel, payload);
    }

    /** Completes once Redis confirmed the subscription, so nothing published after is missed. */
    public CompletableFuture<Void> subscribe(String channel) {
        return subscriberOf(channel).subscribe(channel);
    }

    public void unsubscribe(String channel) {
        subscriberOf(channel).unsubscribe(channel);
    }

    /** By what follows the channel name's last colon: a robot's id for {@link Channels}. */
    private Subscriber subscriberOf(String channel) {
        int hash = channel.substring(channel.lastIndexOf(':') + 1).hashCode();
        return subscribers[Math.floorMod(hash, subscribers.length)];
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        publisher.close();
        for (Subscriber subscriber : subscribers) {
            subscriber.close();
        }
    }
}
