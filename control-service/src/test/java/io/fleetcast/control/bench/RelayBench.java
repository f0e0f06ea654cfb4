package io.fleetcast.control.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import redis.embedded.RedisServer;

/**
 * Command relay and state fan-out through two control-service instances (separate JVMs) and one
 * Redis: R robots publish state at 20 Hz, one driver per robot (its owner, connected to the
 * other instance than the robot, so every command crosses Redis) commands at 20 Hz, V viewers
 * spread over both instances watch. Prints a table, then one JSON line.
 */
public final class RelayBench {

    private static final int HZ = 20;
    private static final int SLOTS = 10;

    private RelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int robots = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int viewers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int warmup = Integer.getInteger("bench.warmup", 15);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int port = freePort();
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").setting("maxclients 1000").build();
        redis.start();
        List<Process> instances = new ArrayList<>();
        try {
            int[] ports = new int[2];
            for (int i = 0; i < 2; i++) {
                Process process = startInstance(port, robots, i);
                instances.add(process);
                ports[i] = awaitReady(process);
            }
            run(robots, viewers, warmup, seconds, ports);
        } finally {
            for (Process process : instances) {
                process.getOutputStream().close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            redis.stop();
        }
        System.exit(0);
    }

    private static void run(int robots, int viewers, int warmup, int seconds, int[] ports)
            throws Exception {
        LatencyHistogram commands = new LatencyHistogram();
        LatencyHistogram states = new LatencyHistogram();
        LatencyHistogram unused = new LatencyHistogram();
        AtomicLong skipped = new AtomicLong();
        // One read loop per core: a single loop thread fell behind at 200 robots / 2000 viewers.
        List<WireLoop> loops = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            loops.add(new WireLoop());
        }
        BenchSocket[] robotSockets = new BenchSocket[robots];
        BenchSocket[] driverSockets = new BenchSocket[robots];
        List<BenchSocket> viewerSockets = new ArrayList<>();
        long connectStart = System.nanoTime();
        // Handshakes block, so a few run at once; each socket then joins the one read loop.
        ExecutorService connecting = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore inFlight = new Semaphore(64);
        List<Future<BenchSocket>> pending = new ArrayList<>();
        for (int r = 1; r <= robots; r++) {
            BenchSocket robot = new BenchSocket("command", commands, skipped);
            robotSockets[r - 1] = robot;
            pending.add(open(connecting, inFlight, robot, loops.get(r % loops.size()),
                    ports[r % 2],
                    path(r, "key=k" + r)));
            BenchSocket driver = new BenchSocket("none", unused, skipped);
            driverSockets[r - 1] = driver;
            pending.add(open(connecting, inFlight, driver, loops.get((r + 1) % loops.size()),
                    ports[(r + 1) % 2],
                    path(r, "token=u" + (SyntheticAccess.OWNER_BASE + r))));
        }
        for (int n = 0; n < viewers; n++) {
            BenchSocket viewer = new BenchSocket("state", states, skipped);
            viewerSockets.add(viewer);
            pending.add(open(connecting, inFlight, viewer, loops.get(n % loops.size()),
                    ports[n % 2],
                    path(SyntheticAccess.robotOfViewer(n, robots), "token=u" + n)));
        }
        for (Future<BenchSocket> socket : pending) {
            socket.get();
        }
        connecting.close();
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        Thread.sleep(1_000);

        ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
        AtomicLong tick = new AtomicLong();
        AtomicLong sentCommands = new AtomicLong();
        AtomicLong sentStates = new AtomicLong();
        long period = 1_000_000 / (HZ * SLOTS);
        load.scheduleAtFixedRate(() -> {
            int slot = (int) (tick.getAndIncrement() % SLOTS);
            for (int r = slot; r < robots; r += SLOTS) {
                robotSockets[r].send("{\"type\":\"state\",\"at\":0,\"data\":{\"t\":"
                        + BenchSocket.now() + "}}");
                driverSockets[r].send("{\"type\":\"command\",\"seq\":1,\"action\":\"move\","
                        + "\"args\":{\"t\":" + BenchSocket.now() + "}}");
                sentStates.incrementAndGet();
                sentCommands.incrementAndGet();
            }
        }, 0, period, TimeUnit.MICROSECONDS);
        Thread.sleep(warmup * 1000L);
        commands.reset();
        states.reset();
        skipped.set(0);
        sentCommands.set(0);
        sentStates.set(0);
        Thread.sleep(seconds * 1000L);
        long commandsSent = sentCommands.get();
        long statesSent = sentStates.get();
        load.shutdownNow();
        Thread.sleep(300);
        report(robots, viewers, seconds, connectSeconds, commandsSent, statesSent, skipped.get(),
                commands, states);
        for (BenchSocket socket : robotSockets) {
            socket.abort();
        }
        for (BenchSocket socket : driverSockets) {
            socket.abort();
        }
        viewerSockets.forEach(BenchSocket::abort);
        loops.forEach(WireLoop::close);
    }

    private static void report(int robots, int viewers, int seconds, double connectSeconds,
            long commandsSent, long statesSent, long skipped, LatencyHistogram commands,
            LatencyHistogram states) {
        // One snapshot for table and JSON alike: late frames may still be arriving.
        long commandCount = commands.count();
        long stateCount = states.count();
        String c50 = fmt(commands.percentileMs(0.5));
        String c99 = fmt(commands.percentileMs(0.99));
        String c999 = fmt(commands.percentileMs(0.999));
        String s50 = fmt(states.percentileMs(0.5));
        String s99 = fmt(states.percentileMs(0.99));
        String s999 = fmt(states.percentileMs(0.999));
        long expectedStates = statesSent * viewers / robots;
        String[][] rows = {
            {"robots / viewers / sockets", robots + " / " + viewers + " / " + (2 * robots + viewers)},
            {"connect time", fmt(connectSeconds) + " s"},
            {"measured", seconds + " s after warm-up"},
            {"commands sent / relayed", commandsSent + " / " + commandCount},
            {"command p50 / p99 / p99.9", c50 + " / " + c99 + " / " + c999 + " ms"},
            {"states sent / delivered (expected)", statesSent + " / " + stateCount + " ("
                    + expectedStates + ")"},
            {"state fan-out p50 / p99 / p99.9", s50 + " / " + s99 + " / " + s999 + " ms"},
            {"sends skipped (socket busy)", Long.toString(skipped)},
            {"cores", Integer.toString(Runtime.getRuntime().availableProcessors())},
        };
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-36s %s%n", row[0], row[1]);
        }
        System.out.printf(Locale.ROOT, "{\"robots\":%d,\"viewers\":%d,\"instances\":2,"
                        + "\"commandP50Ms\":%s,\"commandP99Ms\":%s,\"stateP50Ms\":%s,"
                        + "\"stateP99Ms\":%s,\"commandsRelayed\":%d,\"commandsSent\":%d,"
                        + "\"statesDelivered\":%d,\"statesExpected\":%d,\"skippedSends\":%d,"
                        + "\"seconds\":%d,\"cores\":%d}%n",
                robots, viewers, c50, c99, s50, s99, commandCount, commandsSent, stateCount,
                expectedStates, skipped, seconds, Runtime.getRuntime().availableProcessors());
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static Future<BenchSocket> open(ExecutorService connecting, Semaphore inFlight,
            BenchSocket socket, WireLoop loop, int port, String path) throws InterruptedException {
        inFlight.acquire();
        return connecting.submit(() -> {
            try {
                return socket.connect(loop, port, path);
            } finally {
                inFlight.release();
            }
        });
    }

    private static String path(long robot, String query) {
        return "/control/robot_" + robot + "?" + query;
    }

    private static Process startInstance(int redisPort, int robots, int index) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String heap = System.getProperty("bench.instanceHeap", "768m");
        File log = File.createTempFile("relay-instance-" + index + "-", ".log");
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap,
                "-Djava.util.logging.config.file="
                        + System.getProperty("java.util.logging.config.file", "")));
        // For profiling: -Dbench.instanceJvmArgs="-XX:StartFlightRecording=filename=/tmp/i%d.jfr"
        String extra = System.getProperty("bench.instanceJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            for (String arg : extra.split("\\s+")) {
                command.add(arg.replace("%d", Integer.toString(index)));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                RelayInstance.class.getName(), Integer.toString(redisPort),
                Integer.toString(robots)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(log);
        System.err.println("bench/relay: instance " + index + " log: " + log);
        return builder.start();
    }

    private static int awaitReady(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new IllegalStateException("instance exited before it was ready");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
