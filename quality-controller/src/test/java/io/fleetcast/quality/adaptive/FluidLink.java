package io.fleetcast.quality.adaptive;

import io.fleetcast.quality.Decision;
import io.fleetcast.quality.Limits;
import io.fleetcast.quality.QualityController;
import io.fleetcast.quality.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * A fluid sender and link for behaviour tests: the encoder adds the decision's bitrate to a
 * queue, the link drains it at a capacity given per millisecond, and a sample goes to the
 * controller every 100 ms. Much simpler than the simulator, and exact.
 */
final class FluidLink {

    static final long SAMPLE_MS = 100;
    static final double BASE_RTT_MS = 40;

    final QualityController controller;
    final List<Decision> decisions = new ArrayList<>();
    private double queueBits;
    private long now;

    FluidLink(AdaptiveAlgorithm algorithm, Limits limits) {
        this.controller = new QualityController(algorithm, 0, limits);
        decisions.add(controller.current());
    }

    FluidLink(AdaptiveAlgorithm algorithm) {
        this(algorithm, Limits.NONE);
    }

    /** Runs {@code ms} more milliseconds with {@code capacityBps(t)}. */
    FluidLink run(long ms, LongToDoubleFunction capacityBps) {
        long end = now + ms;
        while (now < end) {
            double acked = 0;
            for (int i = 0; i < SAMPLE_MS; i++) {
                queueBits += controller.current().bitrateBps() / 1000.0;
                double sent = Math.min(queueBits, capacityBps.applyAsDouble(now + i) / 1000.0);
                queueBits -= sent;
                acked += sent;
            }
            now += SAMPLE_MS;
            double capacity = Math.max(1, capacityBps.applyAsDouble(now - 1));
            double delayMs = queueBits / capacity * 1000;
            controller.onSample(new Sample(now, acked / 8 * 1000 / SAMPLE_MS,
                    (long) (queueBits / 8), BASE_RTT_MS + Math.min(delayMs, 10_000), 0));
            decisions.add(controller.latest());
        }
        return this;
    }

    FluidLink run(long ms, double capacityBps) {
        return run(ms, t -> capacityBps);
    }

    Decision last() {
        return controller.latest();
    }

    double queueDelayMs(double capacityBps) {
        return queueBits / capacityBps * 1000;
    }

    long now() {
        return now;
    }

    /** Decisions taken after {@code fromMs}. */
    List<Decision> since(long fromMs) {
        return decisions.stream().filter(d -> d.timeMs() > fromMs).toList();
    }

    long switches() {
        long n = 0;
        for (int i = 1; i < decisions.size(); i++) {
            if (decisions.get(i).state() != decisions.get(i - 1).state()) {
                n++;
            }
        }
        return n;
    }
}
