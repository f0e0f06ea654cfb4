package io.fleetcast.control.relay;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cross-instance delivery through Redis pub/sub: whatever one instance publishes reaches every
 * instance that holds a socket interested in that channel.
 */
public final class Relay implements AutoCloseable {

    private final Subscriber subscriber;
    private final Publisher publisher;
    private final AtomicBoolean closed = new AtomicBoolean();

    public Relay(RedisAddress redis, Delivery delivery) {
        this(redis, delivery, nanos -> { });
    }

    /** @param published told, per message, the nanoseconds from {@link #publish} to Redis's answer */
    public Relay(RedisAddress redis, Delivery delivery, LongConsumer published) {
        this.subscriber = new Subscriber(redis, delivery);
        this.publisher = new Publisher(redis, published);
    }

    public void publish(String channel, String payload) {
        publisher.publish(channel, payload);
    }

    /** Completes once Redis confirmed the subscription, so nothing published after is missed. */
    public CompletableFuture<Void> subscribe(String channel) {
        return subscriber.subscribe(channel);
    }

    public void unsubscribe(String channel) {
        subscriber.unsubscribe(channel);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        publisher.close();
        subscriber.close();
    }
}
