package io.fleetcast.control.token;

import io.fleetcast.control.store.ChangeChannel;
import io.fleetcast.control.store.Redis;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;

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
    private final ChangeChannel channel;

    public AccountEvents(StandingCache cache, Redis redis, AccountListener listener) {
        this.cache = cache;
        this.redis = redis;
        this.listener = listener;
        this.channel = new ChangeChannel(CHANNEL, redis, this::changed, this::resynced);
    }

    /** For processes that change accounts without caching them (the admin command line). */
    public static LongConsumer publisher(Redis redis) {
        return userId -> ChangeChannel.publish(redis, CHANNEL, userId);
    }

    /** Called after a change is committed to PostgreSQL. */
    @Override
    public void accept(long userId) {
        changed(userId);
        ChangeChannel.publish(redis, CHANNEL, userId);
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

    @Override
    public void close() {
        channel.close();
        dispatch.shutdownNow();
    }
}
