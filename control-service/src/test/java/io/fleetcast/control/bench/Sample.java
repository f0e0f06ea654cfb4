package io.fleetcast.control.bench;

import java.util.Arrays;

/** Requests, non-200 replies, elapsed time and latencies of one or more load segments. */
record Sample(long requests, long errors, long nanos, long[] latencies, double jvmCpuMillis, double postgresCpuMillis) {
    static Sample empty() {
        return new Sample(0, 0, 0, new long[0], 0, 0);
    }

    Sample withCpu(double jvm, double postgres) {
        return new Sample(requests, errors, nanos, latencies, jvmCpuMillis + jvm, postgresCpuMillis + postgres);
    }

    /** CPU microseconds per request: this JVM (server and load generator) and PostgreSQL. */
    double jvmCpuMicrosPerRequest() {
        return requests == 0 ? 0 : jvmCpuMillis * 1000 / requests;
    }

    double postgresCpuMicrosPerRequest() {
        return requests == 0 ? 0 : postgresCpuMillis * 1000 / requests;
    }

    /** Adds connections of the same segment (same elapsed time). */
    Sample plus(Sample other) {
        return new Sample(requests + other.requests, errors + other.errors, Math.max(nanos, other.nanos),
                concat(latencies, other.latencies), jvmCpuMillis + other.jvmCpuMillis,
                postgresCpuMillis + other.postgresCpuMillis);
    }

    /** Adds a later segment (elapsed times add up). */
    Sample then(Sample later) {
        return new Sample(requests + later.requests, errors + later.errors, nanos + later.nanos,
                concat(latencies, later.latencies), jvmCpuMillis + later.jvmCpuMillis,
                postgresCpuMillis + later.postgresCpuMillis);
    }

    double rps() {
        return nanos == 0 ? 0 : requests * 1e9 / nanos;
    }

    double percentileMillis(double p) {
        if (latencies.length == 0) {
            return 0;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
