package io.fleetcast.quality;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live face of an {@link Algorithm}: feed it samples, read or listen to decisions.
 *
 * <p>{@link #onSample} is called by one thread (the one that measures the uplink); the
 * owner's limits may be set from any thread and take effect at the next sample. Listeners
 * run on the sampling thread and only when the decision changes in a way the encoder
 * should act on ({@link Decision#differsFrom}): a new state, or a bitrate target that moved
 * by at least {@link Decision#RELEVANT_STEP} (3 %) since the last notification, so the
 * encoder is not reconfigured for noise.
 */
public final class QualityController {

    private final Runner<?> runner;
    private final AtomicReference<Limits> limits;
    private final List<DecisionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Decision current;

    public QualityController(Algorithm<?> algorithm, long startTimeMs, Limits limits) {
        Objects.requireNonNull(algorithm, "algorithm");
        this.limits = new AtomicReference<>(Objects.requireNonNull(limits, "limits"));
        this.runner = new Runner<>(algorithm, startTimeMs, limits);
        this.current = runner.last;
    }

    /** Feeds one measurement; returns the decision in force afterwards. */
    public Decision onSample(Sample sample) {
        Objects.requireNonNull(sample, "sample");
        Decision next = runner.step(sample, limits.get());
        Decision previous = current;
        if (next.differsFrom(previous)) {
            current = next;
            for (DecisionListener listener : listeners) {
                listener.onDecision(previous, next);
            }
        }
        return current;
    }

    /** The decision in force: the last one listeners were told about. */
    public Decision current() {
        return current;
    }

    /** The algorithm's latest decision, including moves too small to notify. */
    public Decision latest() {
        return runner.last;
    }

    public void setLimits(Limits limits) {
        this.limits.set(Objects.requireNonNull(limits, "limits"));
    }

    public Limits limits() {
        return limits.get();
    }

    public void addListener(DecisionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(DecisionListener listener) {
        listeners.remove(listener);
    }

    public String algorithmName() {
        return runner.algorithm.name();
    }

    /** Keeps the algorithm's memory type out of the controller's signature. */
    private static final class Runner<M> {
        private final Algorithm<M> algorithm;
        private M memory;
        private volatile Decision last;

        Runner(Algorithm<M> algorithm, long startTimeMs, Limits limits) {
            this.algorithm = algorithm;
            apply(algorithm.start(startTimeMs, limits));
        }

        Decision step(Sample sample, Limits limits) {
            apply(algorithm.step(memory, sample, limits));
            return last;
        }

        private void apply(Step<M> step) {
            memory = step.memory();
            last = step.decision();
        }
    }
}
