package io.fleetcast.control.access;

import io.fleetcast.control.store.ChangeChannel;
import io.fleetcast.control.store.Redis;
import java.util.function.LongConsumer;

/**
 * Spreads "robot N changed" to every control-service instance over Redis pub/sub, so a key
 * rotated or a grant revoked on one instance stops working on all of them at once. It is the
 * {@link LongConsumer} that repositories call after each change. After a (re)subscription the
 * whole cache is dropped, since messages may have been missed while disconnected.
 */
public final class AccessInvalidation implements LongConsumer, AutoCloseable {
    public static final String CHANNEL = "fleetcast:access:changed";

    private final AccessCache cache;
    private final Redis redis;
    private final ChangeChannel channel;

    public AccessInvalidation(AccessCache cache, Redis redis) {
        this.cache = cache;
        this.redis = redis;
        this.channel = new ChangeChannel(CHANNEL, redis, cache::invalidate, cache::invalidateAll);
    }

    /** For processes that change robots without caching them (the admin command line). */
    public static LongConsumer publisher(Redis redis) {
        return robotId -> ChangeChannel.publish(redis, CHANNEL, robotId);
    }

    @Override
    public void accept(long robotId) {
        cache.invalidate(robotId);
        ChangeChannel.publish(redis, CHANNEL, robotId);
    }

    @Override
    public void close() {
        channel.close();
    }
}
