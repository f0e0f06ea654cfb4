package io.fleetcast.control.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Marks a data directory as used by a running service ({@code service.pid}), so that a later
 * start can tell an embedded server left behind by a killed service (adopt it, stop it on close)
 * from one a live service is using (share it, as the admin command does).
 */
public final class ServiceLock implements AutoCloseable {
    private static final String FILE = "service.pid";

    private final Path file;
    private boolean closed;

    private ServiceLock(Path file) {
        this.file = file;
    }

    /** True when another live process holds the lock on this directory. */
    public static boolean heldByAnother(Path dataDir) {
        try {
            Path file = dataDir.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                return false;
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            return pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    public static ServiceLock claim(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(FILE);
            Files.writeString(file, Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
            return new ServiceLock(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve(FILE), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
