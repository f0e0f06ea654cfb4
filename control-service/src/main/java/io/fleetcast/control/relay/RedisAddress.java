package io.fleetcast.control.relay;

import java.net.URI;

/** Where Redis listens; parsed once from {@code redis://host:port}. */
public record RedisAddress(String host, int port) {

    public RedisAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("redis host is empty");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("redis port out of range: " + port);
        }
    }

    public static RedisAddress parse(String url) {
        URI uri = URI.create(url);
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected redis://host:port, got " + url);
        }
        return new RedisAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
    }
}
