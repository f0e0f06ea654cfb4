package io.fleetcast.control.store;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import io.fleetcast.control.relay.RedisAddress;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * The service's Redis connection pool. Blocking subscribers open their own connection from
 * {@link #uri()}, since a subscribed connection cannot serve other commands.
 */
public final class Redis implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 2_000;

    private final URI uri;
    private final RedisAddress address;
    private final JedisPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    public Redis(URI uri, int maxConnections) {
        this.address = new RedisAddress(uri);
        this.uri = uri;
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(maxConnections);
        config.setMaxIdle(maxConnections);
        config.setJmxEnabled(false);
        this.pool = new JedisPool(config, uri, TIMEOUT_MILLIS);
    }

    public URI uri() {
        return uri;
    }

    /** Where every other client of this Redis comes from. */
    public RedisAddress address() {
        return address;
    }

    /** A pooled connection; close it (try-with-resources) to give it back. */
    public Jedis connection() {
        return pool.getResource();
    }

    /** A dedicated connection outside the pool, for blocking commands such as SUBSCRIBE. */
    public Jedis dedicatedConnection() {
        return address.blockingConnection();
    }

    public boolean ping() {
        try (Jedis jedis = pool.getResource()) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
        }
    }
}
