package io.fleetcast.quality.bench;

import io.fleetcast.quality.Algorithm;
import io.fleetcast.quality.adaptive.AdaptiveAlgorithm;
import io.fleetcast.quality.baseline.BelacoderAlgorithm;
import io.fleetcast.quality.baseline.VvliveAlgorithm;
import io.fleetcast.quality.simulation.LinkModel;
import io.fleetcast.quality.simulation.Report;
import io.fleetcast.quality.simulation.Simulator;
import io.fleetcast.quality.trace.Trace;

import java.util.List;
import java.util.Objects;

/** Runs every controller over every trace with the same sender and link model. */
public final class Bench {

    private final Simulator simulator;
    private final List<Algorithm<?>> controllers;

    public Bench(Simulator simulator, List<Algorithm<?>> controllers) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        if (controllers.isEmpty()) {
            throw new IllegalArgumentException("no controllers");
        }
        this.controllers = List.copyOf(controllers);
    }

    /** Fleetcast first, then the two baselines. belacoder is given the sender's latency budget. */
    public static List<Algorithm<?>> standardControllers(LinkModel model) {
        long srtLatency = model.drops() ? model.dropAfterMs() : 2000;
        return List.of(AdaptiveAlgorithm.withDefaults(), new VvliveAlgorithm(), new BelacoderAlgorithm(srtLatency));
    }

    public List<Algorithm<?>> controllers() {
        return controllers;
    }

    /** One report per trace and controller, traces in order, controllers in order within a trace. */
    public List<Report> run(List<Trace> traces) {
        // Runs are independent and deterministic, so they may run in parallel.
        return traces.parallelStream()
                .flatMap(trace -> controllers.stream().map(c -> simulator.run(trace, c)))
                .toList();
    }
}
