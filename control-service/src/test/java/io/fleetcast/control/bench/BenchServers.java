package io.fleetcast.control.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.RedisServer;

/**
 * The servers one relay measurement talks to, each its own JVM: two control-service instances on
 * one embedded Redis, the reference fan-out, or Helidon's server alone. {@link #cpuNanos()} is the CPU their JVMs used so
 * far (user + system), so a caller takes the difference over its measured window.
 */
final class BenchServers implements AutoCloseable {

    private final String name;
    private final RedisServer redis;
    private final List<Process> processes;
    private final int[] ports;

    private BenchServers(String name, RedisServer redis, List<Process> processes, int[] ports) {
        this.name = name;
        this.redis = redis;
        this.processes = processes;
        this.ports = ports;
    }

    /** Two instances, so robots and their drivers sit on different ones and commands cross Redis. */
    static BenchServers fleetcast(int robots) throws Exception {
        int port = freePort();
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").setting("maxclients 1000").build();
        redis.start();
        List<Process> processes = new ArrayList<>();
        BenchServers servers = new BenchServers("fleetcast", redis, processes, new int[2]);
        try {
            for (int i = 0; i < 2; i++) {
                Process process = start(RelayInstance.class, i, "instance",
                        Integer.toString(port), Integer.toString(robots));
                processes.add(process);
                servers.ports[i] = awaitReady(process);
            }
            return servers;
        } catch (Exception e) {
            servers.close();
            throw e;
        }
    }

    /** The NIO reference: both "instances" are the same port, it needs no relay between. */
    static BenchServers reference() throws Exception {
        return single(ReferenceFanOut.class, "reference");
    }

    /** Helidon's WebSocket server alone, doing the reference's work: one port as well. */
    static BenchServers helidon() throws Exception {
        return single(HelidonFanOut.class, "helidon");
    }

    private static BenchServers single(Class<?> main, String name) throws Exception {
        Process process = start(main, 0, name);
        BenchServers servers = new BenchServers(name, null, List.of(process), new int[2]);
        try {
            int port = awaitReady(process);
            servers.ports[0] = port;
            servers.ports[1] = port;
            return servers;
        } catch (Exception e) {
            servers.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    int[] ports() {
        return ports.clone();
    }

    long cpuNanos() {
        long total = 0;
        for (Process process : processes) {
            total += process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
        }
        return total;
    }

    /**
     * CPU the servers' JIT compiler threads used so far, read from {@code /proc} (Linux; the
     * kernel counts in 1/100 s there). Zero where it cannot be read.
     */
    long compilerCpuNanos() {
        long ticks = 0;
        for (Process process : processes) {
            Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
            try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
                for (Path thread : threads) {
                    ticks += compilerTicks(thread);
                }
            } catch (IOException e) {
                // The process ended or this is not Linux: nothing to wait for.
            }
        }
        return ticks * 10_000_000L;
    }

    private static long compilerTicks(Path thread) {
        try {
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }

    private static Process start(Class<?> main, int index, String label, String... args)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String heap = System.getProperty("bench.instanceHeap", "768m");
        File log = File.createTempFile("relay-" + label + "-" + index + "-", ".log");
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap,
                "-Djava.util.logging.config.file="
                        + System.getProperty("java.util.logging.config.file", "")));
        // For profiling: -Dbench.instanceJvmArgs="-XX:StartFlightRecording=filename=/tmp/i%d.jfr"
        String extra = System.getProperty("bench.instanceJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            for (String arg : extra.split("\\s+")) {
                command.add(arg.replace("%d", label + index));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(log);
        System.err.println("bench/relay: " + label + " " + index + " log: " + log);
        return builder.start();
    }

    private static int awaitReady(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new IllegalStateException("bench server exited before it was ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes.reversed()) {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (redis != null) {
            redis.stop();
        }
    }
}
