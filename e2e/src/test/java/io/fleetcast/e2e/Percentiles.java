package io.fleetcast.e2e;

import io.fleetcast.stack.ControlApi;
import io.fleetcast.stack.Repository;
import io.fleetcast.stack.ServiceProcess;

import java.util.List;

/** Nearest-rank percentiles of measured milliseconds. */
final class Percentiles {
    private Percentiles() {
    }

    static long of(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            throw new AssertionError("nothing was measured");
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
