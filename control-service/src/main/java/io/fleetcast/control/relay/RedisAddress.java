package io.fleetcast.control.relay;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The one place Redis clients come from: {@code redis://[user:password@]host:port[/db]} or
 * {@code rediss://...} (TLS, trusting {@link RedisTls}), with credentials, database and TLS
 * honoured by every client (the pool, the relay's publisher and subscriber, the sockets' and
 * queue's client). {@link #toString()} never shows the password.
 */
public record RedisAddress(URI uri, RedisTls tls) {
    private static final int TIMEOUT_MILLIS = 2_000;

    public RedisAddress {
        Objects.requireNonNull(tls, "tls");
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("REDIS_URL must be redis://[user:password@]host:port[/db] or rediss://..., got "
                    + redacted(uri));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("REDIS_URL has no host: " + redacted(uri));
        }
    }

    /** A rediss:// address trusts the JVM's default trust store. */
    public RedisAddress(URI uri) {
        this(uri, RedisTls.jvmDefault());
    }

    public static RedisAddress parse(String url) {
        try {
            return new RedisAddress(URI.create(url));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("REDIS_URL")) {
                throw e;
            }
            throw new IllegalArgumentException("REDIS_URL is not a URL", e);
        }
    }

    public boolean usesTls() {
        return JedisURIHelper.isRedisSSLScheme(uri);
    }

    public HostAndPort hostAndPort() {
        return JedisURIHelper.getHostAndPort(uri);
    }

    /**
     * For {@link Jedis} connections and pools: user, password, database and TLS of the URL; calls
     * time out after 2 s unless {@code blocking}. Jedis speaks the URL's protocol (RESP2 by default)
     * without negotiating, as {@code new Jedis(uri)} does.
     */
    public JedisClientConfig jedisConfig(boolean blocking) {
        return config(blocking ? 0 : TIMEOUT_MILLIS).autoNegotiateProtocol(false).build();
    }

    /** A connection of its own with a 2 s timeout on every call. */
    public Jedis connection() {
        return new Jedis(hostAndPort(), jedisConfig(false));
    }

    /** A connection of its own that may block without a timeout (SUBSCRIBE). */
    public Jedis blockingConnection() {
        return new Jedis(hostAndPort(), jedisConfig(true));
    }

    /** A pooled client for commands and scripts; it negotiates the protocol, as {@code RedisClient.create(uri)} does. */
    public RedisClient client(int maxConnections) {
        return RedisClient.builder().hostAndPort(hostAndPort()).clientConfig(config(TIMEOUT_MILLIS).build())
                .poolConfig(poolLimits(new ConnectionPoolConfig(), maxConnections)).build();
    }

    /**
     * Sizes a pool and bounds the wait for one of its connections to the call timeout. The pool's
     * default, waiting for ever, makes commons-pool spin: every borrower that finds the pool full
     * while a connection is being made loops without sleeping until it is made, so a burst of new
     * sockets burnt both cores and starved the thread making the connection.
     */
    public static <T> GenericObjectPoolConfig<T> poolLimits(GenericObjectPoolConfig<T> config, int maxConnections) {
        config.setMaxTotal(maxConnections);
        config.setMaxIdle(maxConnections);
        config.setMaxWait(Duration.ofMillis(TIMEOUT_MILLIS));
        config.setJmxEnabled(false);
        return config;
    }

    private DefaultJedisClientConfig.Builder config(int socketTimeoutMillis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(socketTimeoutMillis)
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .protocol(JedisURIHelper.getRedisProtocol(uri));
        if (usesTls()) {
            // No SSLParameters: Jedis then verifies the hostname (HTTPS endpoint identification).
            config.ssl(true).sslSocketFactory(tls.socketFactory());
        }
        return config;
    }

    @Override
    public String toString() {
        return redacted(uri);
    }

    private static String redacted(URI uri) {
        return uri.getScheme() + "://" + (uri.getUserInfo() == null ? "" : "***@") + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + (uri.getPath() == null ? "" : uri.getPath());
    }
}
