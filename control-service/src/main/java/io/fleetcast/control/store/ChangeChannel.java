package io.fleetcast.control.store;

import java.lang.System.Logger.Level;
import java.util.function.LongConsumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * A Redis pub/sub channel of "thing N changed" shared by every instance: {@link #publish}
 * announces a change, and each instance's subscriber hears every change as {@code changed}.
 * After a (re)subscription, a lost subscription or an unreadable message it calls
 * {@code resync} instead, since changes may have been missed meanwhile. The subscriber
 * reconnects every second until closed.
 */
public final class ChangeChannel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChangeChannel.class.getName());

    private final String channel;
    private final Redis redis;
    private final LongConsumer changed;
    private final Runnable resync;
    private final Listener listener = new Listener();
    private final Thread subscriber;
    private volatile boolean closed;

    public ChangeChannel(String channel, Redis redis, LongConsumer changed, Runnable resync) {
        this.channel = channel;
        this.redis = redis;
        this.changed = changed;
        this.resync = resync;
        this.subscriber = Thread.ofPlatform().daemon().name(channel + "-subscriber").start(this::subscribeLoop);
    }

    /** Announces that {@code id} changed; failures are logged (other instances then rely on their cache TTL). */
    public static void publish(Redis redis, String channel, long id) {
        try (Jedis jedis = redis.connection()) {
            jedis.publish(channel, Long.toString(id));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot publish " + channel + " for " + id + ": " + e.getMessage());
        }
    }

    private void subscribeLoop() {
        while (!closed) {
            try (Jedis jedis = redis.dedicatedConnection()) {
                jedis.subscribe(listener, channel);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, channel + " subscription lost, retrying: " + e.getMessage());
                    resync.run();
                    sleepQuietly();
                }
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (listener.isSubscribed()) {
                listener.unsubscribe();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "unsubscribe failed during close", e);
        }
        subscriber.interrupt();
        try {
            subscriber.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onSubscribe(String subscribed, int subscribedChannels) {
            resync.run();
        }

        @Override
        public void onMessage(String from, String message) {
            long id;
            try {
                id = Long.parseLong(message);
            } catch (NumberFormatException e) {
                resync.run();
                return;
            }
            changed.accept(id);
        }
    }
}
