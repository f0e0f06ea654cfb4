package io.fleetcast.control.relay;

import java.net.URI;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/**
 * The one place Redis clients come from: {@code redis://[user:password@]host:port[/db]} or
 * {@code rediss://...} (TLS), with credentials, database and TLS honoured by every client
 * (the pool, the relay's publisher and subscriber, the sockets' and queue's client).
 * {@link #toString()} never shows the password.
 */
public record RedisAddress(URI uri) {
    private static final int TIMEOUT_MILLIS = 2_000;

    public RedisAddress {
        String scheme = uri.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new IllegalArgumentException("REDIS_URL must be redis://[user:password@]host:port[/db] or rediss://..., got "
                    + redacted(uri));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("REDIS_URL has no host: " + redacted(uri));
        }
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

    /** A connection of its own with a 2 s timeout on every call. */
    public Jedis connection() {
        return new Jedis(uri, TIMEOUT_MILLIS);
    }

    /** A connection of its own that may block without a timeout (SUBSCRIBE). */
    public Jedis blockingConnection() {
        return new Jedis(uri, TIMEOUT_MILLIS, 0);
    }

    /** A pooled client for commands and scripts. */
    public RedisClient client() {
        return RedisClient.create(uri);
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
