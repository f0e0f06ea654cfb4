package io.fleetcast.control.store;

import io.fleetcast.config.ConfigException;
import io.fleetcast.control.relay.RedisAddress;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The service's Redis connection pool. Blocking subscribers open their own connection from
 * {@link #address()}, since a subscribed connection cannot serve other commands.
 */
public final class Redis implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Redis.class.getName());

    private final RedisAddress address;
    private final JedisPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    public Redis(RedisAddress address, int maxConnections) {
        this.address = address;
        this.pool = new JedisPool(RedisAddress.poolLimits(new JedisPoolConfig(), maxConnections),
                address.hostAndPort(), address.jedisConfig(false));
    }

    public URI uri() {
        return address.uri();
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

    /**
     * Refuses to start against a rediss:// server whose certificate is not trusted: unlike a Redis
     * that is down (the clients reconnect when it is back), that never heals by retrying.
     */
    public void requireTrustedTls() {
        if (!address.usesTls()) {
            return;
        }
        try (Jedis jedis = pool.getResource()) {
            jedis.ping();
        } catch (JedisConnectionException e) {
            SSLException tls = tlsCause(e);
            if (tls != null) {
                throw new ConfigException("REDIS_URL " + address + ": the TLS handshake failed (" + tls.getMessage()
                        + "); set REDIS_TLS_CA_FILE to the CA certificate(s) that sign the server's certificate ("
                        + address.tls() + ")", e);
            }
            LOG.log(Level.WARNING, "Redis at {0} is not reachable at start-up ({1}); its clients keep reconnecting",
                    address, e.getMessage());
        }
    }

    private static SSLException tlsCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException tls) {
                return tls;
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
        }
    }
}
