package io.fleetcast.observer.uplink;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bytes this process has handed to the kernel for a TCP peer and the peer has not yet
 * acknowledged: the {@code tx_queue} column of {@code /proc/net/tcp} (and tcp6) for the
 * established sockets to {@code port} that belong to this process (matched by inode through
 * {@code /proc/self/fd}). The encoder's muxer writes through FFmpeg's own socket, which Java
 * cannot ask; Linux tells anyone. Zero where /proc is absent (not Linux).
 */
public final class KernelSendQueue {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";

    private final int port;
    /** This process's socket inodes as last listed (an immutable set, swapped whole: two threads ask). */
    private volatile Set<String> inodes = Set.of();

    public KernelSendQueue(int port) {
        this.port = port;
    }

    /** Unacknowledged bytes now, or -1 when no such socket is open. */
    public long bytes() {
        long found = scan(inodes);
        if (found >= 0) {
            return found;
        }
        // A new session, or a socket opened since: list this process's sockets again.
        inodes = ownSocketInodes();
        return inodes.isEmpty() ? -1 : scan(inodes);
    }

    private long scan(Set<String> known) {
        if (known.isEmpty()) {
            return -1;
        }
        long total = 0;
        boolean found = false;
        for (Path table : TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] columns = lines.get(i).trim().split("\\s+");
                if (columns.length < 10 || !ESTABLISHED.equals(columns[3]) || !known.contains(columns[9])) {
                    continue;
                }
                String remote = columns[2];
                int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
                if (remotePort == port) {
                    String queues = columns[4];
                    total += Long.parseLong(queues.substring(0, queues.indexOf(':')), 16);
                    found = true;
                }
            }
        }
        return found ? total : -1;
    }

    private static Set<String> ownSocketInodes() {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(link.substring(8, link.length() - 1).toLowerCase(Locale.ROOT));
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // the descriptor closed while we listed it
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return Set.copyOf(inodes);
    }
}
