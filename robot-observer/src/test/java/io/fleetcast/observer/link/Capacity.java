package io.fleetcast.observer.link;

/** Bytes a link can carry in millisecond {@code ms} since it started. */
@FunctionalInterface
public interface Capacity {
    double bytesAt(long ms);

    /** Steps: {@code mbps[i]} for {@code seconds[i]} seconds each, the last one forever. */
    static Capacity steps(double[] mbps, double[] seconds) {
        return ms -> {
            double at = ms / 1000.0;
            for (int i = 0; i < mbps.length - 1; i++) {
                if (at < seconds[i]) {
                    return mbps[i] * 1e6 / 8 / 1000;
                }
                at -= seconds[i];
            }
            return mbps[mbps.length - 1] * 1e6 / 8 / 1000;
        };
    }
}
