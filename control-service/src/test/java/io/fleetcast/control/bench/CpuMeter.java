package io.fleetcast.control.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) used so far by this JVM and by the PostgreSQL server processes of a
 * data directory, read from /proc. On a shared machine, CPU per request is steadier than req/s.
 */
final class CpuMeter {
    private static final double TICK_MILLIS = 10.0;

    private final String dataDir;

    CpuMeter(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().toString();
    }

    double jvmMillis() {
        return ticks(ProcessHandle.current().pid()) * TICK_MILLIS;
    }

    /** The postmaster of our data directory and its backends (audit writes, cache misses). */
    double postgresMillis() {
        long postmaster = -1;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String cmd = read(proc.resolve("cmdline")).replace('\0', ' ');
                if (cmd.contains("postgres") && cmd.contains(" -D " + dataDir)) {
                    postmaster = Long.parseLong(proc.getFileName().toString());
                }
            }
            if (postmaster < 0) {
                return 0;
            }
            long total = ticks(postmaster);
            try (Stream<Path> all = Files.list(Path.of("/proc"))) {
                for (Path proc : all.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] stat = fields(read(proc.resolve("stat")));
                    if (stat.length > 15 && Long.parseLong(stat[1]) == postmaster) {
                        total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            }
            return total * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ticks(long pid) {
        String[] stat = fields(read(Path.of("/proc", Long.toString(pid), "stat")));
        return stat.length > 15 ? Long.parseLong(stat[11]) + Long.parseLong(stat[12]) : 0;
    }

    /** Fields after the command name (which may contain spaces): [0]=state, [1]=ppid, [11]=utime, [12]=stime. */
    private static String[] fields(String stat) {
        int close = stat.lastIndexOf(')');
        return close < 0 ? new String[0] : stat.substring(close + 2).trim().split(" ");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
