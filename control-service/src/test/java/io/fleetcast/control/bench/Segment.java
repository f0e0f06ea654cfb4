package io.fleetcast.control.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop load against one endpoint: {@code connections} threads sending the prepared
 * requests round-robin for a fixed time, each on its own keep-alive connection or, with
 * {@code newConnections}, on a new connection per request (connect time included).
 */
final class Segment {
    private final int port;
    private final List<byte[]> requests;
    private final int connections;
    private final boolean newConnections;
    private final CpuMeter cpu;

    Segment(int port, List<byte[]> requests, int connections, boolean newConnections, CpuMeter cpu) {
        this.port = port;
        this.requests = requests;
        this.connections = connections;
        this.newConnections = newConnections;
        this.cpu = cpu;
    }

    Sample run(long millis) throws InterruptedException {
        double jvm0 = cpu.jvmMillis();
        double pg0 = cpu.postgresMillis();
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(new Worker(i, stop));
        }
        long start = System.nanoTime();
        List<Thread> threads = workers.stream().map(w -> Thread.ofPlatform().name("load-" + w.offset).start(w)).toList();
        Thread.sleep(millis);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        Sample sample = Sample.empty().withCpu(cpu.jvmMillis() - jvm0, cpu.postgresMillis() - pg0);
        for (Worker w : workers) {
            if (w.failure != null) {
                throw new IllegalStateException("load connection failed", w.failure);
            }
            sample = sample.plus(new Sample(w.count, w.errors, elapsed, w.latencies(), 0, 0));
        }
        return sample;
    }

    private final class Worker implements Runnable {
        private final int offset;
        private final AtomicBoolean stop;
        private long[] latencies = new long[1 << 16];
        private int count;
        private long errors;
        private Exception failure;

        Worker(int offset, AtomicBoolean stop) {
            this.offset = offset;
            this.stop = stop;
        }

        @Override
        public void run() {
            try {
                if (newConnections) {
                    runFresh();
                } else {
                    runKeepAlive();
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }

        private void runKeepAlive() throws IOException {
            try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
                int i = offset;
                while (!stop.get()) {
                    byte[] request = requests.get(i++ % requests.size());
                    long t0 = System.nanoTime();
                    int status = connection.exchange(request);
                    record(status, System.nanoTime() - t0);
                }
            }
        }

        private void runFresh() throws IOException {
            int i = offset;
            while (!stop.get()) {
                byte[] request = requests.get(i++ % requests.size());
                long t0 = System.nanoTime();
                int status;
                try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
                    status = connection.exchange(request);
                }
                record(status, System.nanoTime() - t0);
            }
        }

        private void record(int status, long nanos) {
            if (status != 200) {
                errors++;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        long[] latencies() {
            return Arrays.copyOf(latencies, count);
        }
    }
}
