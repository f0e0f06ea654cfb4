package io.fleetcast.control.local;

import io.fleetcast.control.store.PostgresTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL whose data lives in a local directory and survives restarts, for running
 * without an operator-provided database. If a server already runs on that directory (another
 * process of ours, e.g. the admin command while the service runs), we connect to it instead of
 * starting a second one.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalPostgres.class.getName());

    private final EmbeddedPostgres started;
    private final long adoptedPid;
    private final PostgresTarget target;
    private boolean closed;

    private LocalPostgres(EmbeddedPostgres started, long adoptedPid, int port) {
        this.started = started;
        this.adoptedPid = adoptedPid;
        this.target = new PostgresTarget("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /**
     * Connects to the server running on {@code directory}, or starts one there. With
     * {@code adoptRunning}, a server found running is stopped on close as if we had started it
     * (it was left behind by a service that was killed).
     */
    public static LocalPostgres attachOrStart(Path directory, boolean adoptRunning) {
        Path dataDir = directory.toAbsolutePath().normalize();
        Optional<Running> running = running(dataDir);
        if (running.isPresent()) {
            LOG.log(Level.INFO, "using PostgreSQL already running on " + dataDir + " (port " + running.get().port() + ")");
            return new LocalPostgres(null, adoptRunning ? running.get().pid() : -1, running.get().port());
        }
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // Our own close (from the service's shutdown) stops it, after the pool is closed.
                    .setRegisterShutdownHook(false)
                    // The library tunes for throwaway test databases; this one keeps real data.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            LOG.log(Level.INFO, "started embedded PostgreSQL on port " + postgres.getPort() + ", data in " + dataDir);
            return new LocalPostgres(postgres, -1, postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Reads PostgreSQL's own lock file: line 1 is the postmaster pid, line 4 its port. */
    private static Optional<Running> running(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive && Ports.accepting(port) ? Optional.of(new Running(pid, port)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public PostgresTarget target() {
        return target;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started != null) {
            try {
                started.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "stopping embedded PostgreSQL failed", e);
            }
        } else if (adoptedPid > 0) {
            // SIGTERM is PostgreSQL's "smart" shutdown: our pool is already closed.
            ProcessHandle.of(adoptedPid).ifPresent(ProcessHandle::destroy);
        }
    }

    private record Running(long pid, int port) {
    }
}
