package io.fleetcast.control.access;

import io.fleetcast.control.store.Redis;
import java.lang.System.Logger.Level;
import java.util.function.LongConsumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Spreads "robot N changed" to every control-service instance over Redis pub/sub, so a key
 * rotated or a grant revoked on one instance stops working on all of them at once. It is the
 * {@link LongConsumer} that repositories call after each change. After a (re)subscription the
 * whole cache is dropped, since messages may have been missed while disconnected.
 */
public final class AccessInvalidation implements LongConsumer, AutoCloseable {
    public static final String CHANNEL = "fleetcast:access:changed";
    private static final System.Logger LOG = System.getLogger(AccessInvalidation.class.getName());

    private final AccessCache cache;
    private final Redis redis;
    private final Thread subscriber;
    private final Listener listener = new Listener();
    private volatile boolean closed;

    public AccessInvalidation(AccessCache cache, Redis redis) {
        this.cache = cache;
        this.redis = redis;
        this.subscriber = Thread.ofPlatform().daemon().name("access-invalidation").start(this::subscribeLoop);
    }

    /** For processes that change robots without caching them (the admin command line). */
    public static LongConsumer publisher(Redis redis) {
        return robotId -> publish(redis, robotId);
    }

    @Override
    public void accept(long robotId) {
        cache.invalidate(robotId);
        publish(redis, robotId);
    }

    private static void publish(Redis redis, long robotId) {
        try (Jedis jedis = redis.connection()) {
            jedis.publish(CHANNEL, Long.toString(robotId));
        } catch (RuntimeException e) {
            // Other instances fall back to the cache TTL; this one is already correct.
            LOG.log(Level.WARNING, "cannot publish access change for robot " + robotId + ": " + e.getMessage());
        }
    }

    private void subscribeLoop() {
        while (!closed) {
            try (Jedis jedis = redis.dedicatedConnection()) {
                jedis.subscribe(listener, CHANNEL);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "access invalidation subscription lost, retrying: " + e.getMessage());
                    cache.invalidateAll();
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
        public void onSubscribe(String channel, int subscribedChannels) {
            cache.invalidateAll();
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                cache.invalidate(Long.parseLong(message));
            } catch (NumberFormatException e) {
                cache.invalidateAll();
            }
        }
    }
}
