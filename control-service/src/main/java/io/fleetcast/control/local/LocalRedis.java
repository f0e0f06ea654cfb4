package io.fleetcast.control.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A real redis-server whose append-only file lives in a local directory (data survives
 * restarts). Like {@link LocalPostgres}, it reuses a server already running on that directory.
 */
public final class LocalRedis implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalRedis.class.getName());
    private static final String PORT_FILE = "port";

    private final RedisServer started;
    private final boolean adopted;
    private final URI uri;
    private boolean closed;

    private LocalRedis(RedisServer started, boolean adopted, int port) {
        this.started = started;
        this.adopted = adopted;
        this.uri = URI.create("redis://127.0.0.1:" + port);
    }

    /** Like {@link LocalPostgres#attachOrStart}: attach to a running server or start one. */
    public static LocalRedis attachOrStart(Path directory, boolean adoptRunning) {
        Path dataDir = directory.toAbsolutePath().normalize();
        Optional<Integer> running = runningPort(dataDir);
        if (running.isPresent()) {
            LOG.log(Level.INFO, "using Redis already running on " + dataDir + " (port " + running.get() + ")");
            return new LocalRedis(null, adoptRunning, running.get());
        }
        try {
            Files.createDirectories(dataDir);
            int port = Ports.free();
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDir)
                    .setting("appendonly yes")
                    .setting("save 60 1")
                    .build();
            server.start();
            Files.writeString(dataDir.resolve(PORT_FILE), Integer.toString(port), StandardCharsets.US_ASCII);
            LOG.log(Level.INFO, "started embedded Redis on port " + port + ", data in " + dataDir);
            return new LocalRedis(server, false, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis in " + dataDir, e);
        }
    }

    private static Optional<Integer> runningPort(Path dataDir) {
        try {
            Path file = dataDir.resolve(PORT_FILE);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            int port = Integer.parseInt(Files.readString(file).trim());
            if (!Ports.accepting(port)) {
                return Optional.empty();
            }
            try (Jedis jedis = new Jedis("127.0.0.1", port, 500)) {
                String dir = jedis.configGet("dir").get("dir");
                boolean ours = dir != null && Path.of(dir).toAbsolutePath().normalize().equals(dataDir);
                return ours ? Optional.of(port) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public URI uri() {
        return uri;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started != null) {
            try {
                started.stop();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "stopping embedded Redis failed", e);
            }
        } else if (adopted) {
            try (Jedis jedis = new Jedis(uri)) {
                jedis.shutdown();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "adopted Redis already gone", e);
            }
        }
    }
}
