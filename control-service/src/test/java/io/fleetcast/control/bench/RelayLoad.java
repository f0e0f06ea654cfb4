package io.fleetcast.control.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay benchmark's generator, the same for Fleetcast and the reference: R robots publish
 * state at 20 Hz, one driver per robot (its owner, on the other port than the robot) commands
 * at 20 Hz, V viewers spread over both ports watch. Frames carry the send time.
 */
final class RelayLoad {

    private static final int HZ = 20;
    private static final int SLOTS = 10;

    private RelayLoad() {
    }

    static LoadResult run(BenchServers servers, int robots, int viewers, int warmup, int maxWarmup,
            int seconds) throws Exception {
        int[] ports = servers.ports();
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
        List<BenchSocket> all = new ArrayList<>();
        long connectStart = System.nanoTime();
        // Handshakes block, so a few run at once; each socket then joins a read loop.
        ExecutorService connecting = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore inFlight = new Semaphore(64);
        List<Future<BenchSocket>> pending = new ArrayList<>();
        for (int r = 1; r <= robots; r++) {
            robotSockets[r - 1] = new BenchSocket("command", commands, skipped);
            pending.add(open(connecting, inFlight, robotSockets[r - 1],
                    loops.get(r % loops.size()), ports[r % 2], path(r, "key=k" + r)));
            driverSockets[r - 1] = new BenchSocket("none", unused, skipped);
            pending.add(open(connecting, inFlight, driverSockets[r - 1],
                    loops.get((r + 1) % loops.size()), ports[(r + 1) % 2],
                    path(r, "token=u" + (SyntheticAccess.OWNER_BASE + r))));
        }
        for (int n = 0; n < viewers; n++) {
            BenchSocket viewer = new BenchSocket("state", states, skipped);
            pending.add(open(connecting, inFlight, viewer, loops.get(n % loops.size()),
                    ports[n % 2], path(SyntheticAccess.robotOfViewer(n, robots), "token=u" + n)));
        }
        for (Future<BenchSocket> socket : pending) {
            all.add(socket.get());
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
        double warmedSeconds = warm(servers, warmup, maxWarmup);
        commands.reset();
        states.reset();
        skipped.set(0);
        sentCommands.set(0);
        sentStates.set(0);
        long cpuStart = servers.cpuNanos();
        Thread.sleep(seconds * 1000L);
        long cpu = servers.cpuNanos() - cpuStart;
        long commandsSent = sentCommands.get();
        long statesSent = sentStates.get();
        load.shutdownNow();
        Thread.sleep(300);
        // One snapshot for every figure: late frames may still be arriving.
        LoadResult result = new LoadResult(servers.name(), robots, viewers, seconds,
                connectSeconds, warmedSeconds, commandsSent, commands.count(), statesSent, states.count(),
                skipped.get(), commands.percentileMs(0.5), commands.percentileMs(0.99),
                commands.percentileMs(0.999), states.percentileMs(0.5), states.percentileMs(0.99),
                states.percentileMs(0.999), cpu);
        all.forEach(BenchSocket::abort);
        loops.forEach(WireLoop::close);
        return result;
    }

    /**
     * Runs the load for at least {@code warmup} seconds, then until the servers' JIT compilers
     * went quiet (under 5 % of a core for 2 s), at most {@code maxWarmup} seconds in all: under
     * load on two cores the compilers were still busy 30 s in, with a third of a core or more,
     * which is start-up cost, not the cost of a frame. Returns the seconds it took.
     */
    private static double warm(BenchServers servers, int warmup, int maxWarmup)
            throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(warmup * 1000L);
        long deadline = start + maxWarmup * 1_000_000_000L;
        long compiled = servers.compilerCpuNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            long now = servers.compilerCpuNanos();
            if (now - compiled < 100_000_000L) {
                break;
            }
            compiled = now;
        }
        return (System.nanoTime() - start) / 1e9;
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
}
