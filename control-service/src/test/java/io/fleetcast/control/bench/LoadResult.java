package io.fleetcast.control.bench;

/**
 * What one measured window of the relay load delivered, through which servers, and the CPU
 * their JVMs used in it. Latencies in milliseconds, NaN when nothing arrived.
 */
record LoadResult(String servers, int robots, int viewers, int seconds, double connectSeconds,
        double warmupSeconds,
        long commandsSent, long commandsRelayed, long statesSent, long statesDelivered,
        long skippedSends, double commandP50Ms, double commandP99Ms, double commandP999Ms,
        double stateP50Ms, double stateP99Ms, double stateP999Ms, long cpuNanos) {

    long statesExpected() {
        return statesSent * viewers / robots;
    }

    long delivered() {
        return commandsRelayed + statesDelivered;
    }

    /** Server CPU per frame that reached a robot or a viewer. */
    double cpuUsPerFrame() {
        return delivered() == 0 ? Double.NaN : cpuNanos / 1e3 / delivered();
    }

    /** Share of one core the servers used. */
    double cores() {
        return cpuNanos / (seconds * 1e9);
    }
}
