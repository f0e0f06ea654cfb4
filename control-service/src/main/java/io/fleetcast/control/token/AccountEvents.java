package io.fleetcast.control.token;

import io.fleetcast.control.store.Redis;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Spreads "user N's tokens changed" (log-out, password change, disable, enable) to every
 * instance over Redis pub/sub. Each instance, in this order: drops its cached standing of the
 * user, then tells its {@link AccountListener} (which closes that user's sockets and kicks their
 * media sessions if their token no longer counts). One message and one order, so a socket closed
 * here cannot reconnect on a stale cache. After a (re)subscription everything is dropped and
 * rechecked, since messages may have been missed.
 */
public final class AccountEvents implements LongConsumer, AutoCloseable {
    public static final String CHANNEL = "fleetcast:accounts:changed";
    private static final System.Logger LOG = System.getLogger(AccountEvents.class.getName());

    private final StandingCache cache;
    private final Redis redis;
    private final AccountListener listener;
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("account-events").factory());
    private final Listener subscription = new Listener();
    private final Thread subscriber;
    private volatile boolean closed;

    public AccountEvents(StandingCache cache, Redis redis, AccountListener listener) {
        this.cache = cache;
        this.redis = redis;
        this.listener = listener;
        this.subscriber = Thread.ofPlatform().daemon().name("account-events-subscriber").start(this::subscribeLoop);
    }

    /** For processes that change accounts without caching them (the admin command line). */
    public static LongConsumer publisher(Redis redis) {
        return userId -> publish(redis, userId);
    }

    /** Called after a change is committed to PostgreSQL. */
    @Override
    public void accept(long userId) {
        changed(userId);
        publish(redis, userId);
    }

    private void changed(long userId) {
        cache.invalidate(userId);
        run(() -> listener.changed(userId));
    }

    private void resynced() {
        cache.invalidateAll();
        run(listener::resynced);
    }

    private void run(Runnable task) {
        try {
            dispatch.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "reacting to an account change failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "account events closing; reaction dropped");
        }
    }

    private static void publish(Redis redis, long userId) {
        try (Jedis jedis = redis.connection()) {
            jedis.publish(CHANNEL, Long.toString(userId));
        } catch (RuntimeException e) {
            // Other instances fall back to the cache TTL (their sockets stay until then).
            LOG.log(Level.WARNING, "cannot publish account change for user " + userId + ": " + e.getMessage());
        }
    }

    private void subscribeLoop() {
        while (!closed) {
            try (Jedis jedis = redis.dedicatedConnection()) {
                jedis.subscribe(subscription, CHANNEL);
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "account events subscription lost, retrying: " + e.getMessage());
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
            if (subscription.isSubscribed()) {
                subscription.unsubscribe();
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
        dispatch.shutdownNow();
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            resynced();
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                changed(Long.parseLong(message));
            } catch (NumberFormatException e) {
                resynced();
            }
        }
    }
}
